using System.Collections.Immutable;
using Dispatch.Contracts.Cases;

namespace Dispatch.Contracts.Metrics;

/// <summary>
/// A case's clinical intervals as they stand, for the region's daily figures. <see cref="Revision"/>
/// orders a case's reports (they are one-way, so nothing else does): the record keeps the latest.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseOutcome")]
public sealed record CaseOutcome(
    [property: Id(0)] string CaseId,
    [property: Id(1)] DateTimeOffset CalledAt,
    [property: Id(2)] Complaint Complaint,
    [property: Id(3)] ImmutableArray<CaseMetric> Metrics,
    [property: Id(4)] bool Closed,
    [property: Id(5)] int Revision = 0);
