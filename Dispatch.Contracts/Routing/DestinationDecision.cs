using System.Collections.Immutable;

namespace Dispatch.Contracts.Routing;

/// <summary>
/// A routing decision as stored on the case: where, why, and every candidate considered with
/// its ETA and projected treatment time, so that the decision can be explained afterwards.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.DestinationDecision")]
public sealed record DestinationDecision(
    [property: Id(0)] string? HospitalId,
    [property: Id(1)] DestinationPlan Plan,
    [property: Id(2)] string Reason,
    [property: Id(3)] double? EtaMinutes,
    [property: Id(4)] string? OnwardHospitalId,
    [property: Id(5)] ImmutableArray<CandidateAssessment> Candidates,
    [property: Id(6)] DateTimeOffset DecidedAt,
    [property: Id(7)] string Policy,
    [property: Id(8)] string ProjectedMetric);
