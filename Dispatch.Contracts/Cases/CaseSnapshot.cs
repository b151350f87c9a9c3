using System.Collections.Immutable;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;

namespace Dispatch.Contracts.Cases;

/// <summary>Everything a reader of a case sees: where it stands, its timeline and its metrics.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseSnapshot")]
public sealed record CaseSnapshot(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CasePhase Phase,
    [property: Id(2)] Complaint Complaint,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] DateTimeOffset? SymptomOnset,
    [property: Id(5)] string? AmbulanceId,
    [property: Id(6)] string? CurrentHospitalId,
    [property: Id(7)] string? DestinationHospitalId,
    [property: Id(8)] Diagnosis? Diagnosis,
    [property: Id(9)] ImmutableArray<TimelineEntry> Timeline,
    [property: Id(10)] ImmutableArray<CaseMetric> Metrics,
    [property: Id(11)] int? PatientAge,
    [property: Id(12)] PatientSex PatientSex,
    [property: Id(13)] DestinationDecision? Decision,
    [property: Id(14)] ImmutableArray<AmbulanceCandidate> AmbulanceRanking,
    [property: Id(15)] VitalSigns? LatestVitals,
    [property: Id(16)] ImmutableArray<CaseAlert> Alerts,
    [property: Id(17)] double? EtaMinutes,
    [property: Id(18)] Ecg.EcgFindings? LatestEcgFindings = null);
