namespace Dispatch.Contracts.Cases;

/// <summary>
/// The timestamped events of a case, from the call to closing it. The clinical metrics are
/// differences between these, so every one carries the time it happened.
/// </summary>
[GenerateSerializer, Alias("dispatch.Milestone")]
public enum Milestone
{
    CallReceived = 0,
    AmbulanceDispatched = 1,
    /// <summary>Arrival on scene: first medical contact (FMC) for the metrics.</summary>
    OnScene = 2,
    FirstEcg = 3,
    EcgTransmitted = 4,
    Diagnosis = 5,
    DestinationChosen = 6,
    PreAlertSent = 7,
    PreAlertAcknowledged = 8,
    TeamActivated = 9,
    LeftScene = 10,
    ArrivedAtDoor = 11,
    /// <summary>Leaving a referring hospital for a higher-tier centre (door-out of door-in-door-out).</summary>
    DoorOut = 12,
    /// <summary>Wire crossing in the cath lab.</summary>
    Device = 13,
    /// <summary>Thrombolytic bolus.</summary>
    Needle = 14,
    Handover = 15,
    Closed = 16,
    /// <summary>The engine's ECG analysis flagged a suspected STEMI.</summary>
    EcgStemiFlagged = 17,
    /// <summary>A tele-ECG reader confirmed or rejected STEMI.</summary>
    EcgRead = 18,
    /// <summary>A critical value (危急值) was reported to the treating team.</summary>
    CriticalValueReported = 19,
}
