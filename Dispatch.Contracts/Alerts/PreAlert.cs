using Dispatch.Contracts.Cases;

namespace Dispatch.Contracts.Alerts;

/// <summary>
/// What a receiving centre is told about a patient on the way: only what it needs to get ready
/// (no name, no address): complaint, working diagnosis, ETA, why it was chosen, the ECG so far.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.PreAlert")]
public sealed record PreAlert(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string HospitalId,
    [property: Id(2)] PreAlertKind Kind,
    [property: Id(3)] Complaint Complaint,
    [property: Id(4)] Diagnosis? Diagnosis,
    [property: Id(5)] double? EtaMinutes,
    [property: Id(6)] string Reason,
    [property: Id(7)] DateTimeOffset SentAt,
    [property: Id(8)] long EcgChunks,
    [property: Id(9)] DateTimeOffset? AcknowledgedAt,
    [property: Id(10)] int? PatientAge,
    [property: Id(11)] PatientSex PatientSex,
    [property: Id(12)] Ecg.EcgFindings? EcgFindings = null,
    [property: Id(13)] bool SuggestActivation = false);
