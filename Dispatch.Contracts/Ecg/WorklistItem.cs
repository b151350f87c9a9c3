using Dispatch.Contracts.Cases;

namespace Dispatch.Contracts.Ecg;

/// <summary>A transmitted ECG on the tele-ECG centre's worklist, as its case last reported it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.WorklistItem")]
public sealed record WorklistItem(
    [property: Id(0)] string CaseId,
    [property: Id(1)] Complaint Complaint,
    [property: Id(2)] int? PatientAge,
    [property: Id(3)] PatientSex PatientSex,
    [property: Id(4)] DateTimeOffset TransmittedAt,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] bool StemiFlagged,
    [property: Id(7)] EcgFindings? LatestFindings,
    [property: Id(8)] ReadingStatus Status,
    [property: Id(9)] string? Reader,
    [property: Id(10)] DateTimeOffset? ReadAt,
    [property: Id(11)] DateTimeOffset? CriticalValueReportedAt,
    [property: Id(12)] string? DestinationHospitalId);
