namespace Dispatch.Contracts.Cases;

/// <summary>Where the patient is in the chain of survival; the lifecycle's states.</summary>
[GenerateSerializer, Alias("dispatch.CasePhase")]
public enum CasePhase
{
    /// <summary>Call received, no ambulance yet.</summary>
    Open = 0,
    Dispatched = 1,
    OnScene = 2,
    Transporting = 3,
    AtHospital = 4,
    Closed = 5,
}
