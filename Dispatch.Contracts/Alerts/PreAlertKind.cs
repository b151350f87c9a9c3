namespace Dispatch.Contracts.Alerts;

[GenerateSerializer, Alias("dispatch.PreAlertKind")]
public enum PreAlertKind
{
    /// <summary>A patient is now heading here.</summary>
    New = 0,
    /// <summary>New ETA, ECG or diagnosis for a patient already announced.</summary>
    Update = 1,
    /// <summary>Repeated because nobody acknowledged it.</summary>
    Reminder = 2,
    /// <summary>The patient now goes elsewhere (re-route) or the case closed.</summary>
    Withdrawn = 3,
    /// <summary>The patient is at the door.</summary>
    Arrived = 4,
}
