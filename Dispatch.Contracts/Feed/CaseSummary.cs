using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Feed;

/// <summary>A case as the coordinators' map shows it: where it stands and when its clocks started.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseSummary")]
public sealed record CaseSummary(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CasePhase Phase,
    [property: Id(2)] Complaint Complaint,
    [property: Id(3)] DiagnosisKind? Diagnosis,
    [property: Id(4)] GeoPoint Location,
    [property: Id(5)] string? AmbulanceId,
    [property: Id(6)] string? DestinationHospitalId,
    [property: Id(7)] DateTimeOffset OpenedAt,
    [property: Id(8)] DateTimeOffset? FirstContactAt,
    [property: Id(9)] double? EtaMinutes,
    [property: Id(10)] double? TargetMinutes,
    [property: Id(11)] bool PreAlertAcknowledged,
    [property: Id(12)] int Alerts);
