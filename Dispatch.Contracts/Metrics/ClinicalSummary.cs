using System.Collections.Immutable;

namespace Dispatch.Contracts.Metrics;

/// <summary>Today's calls and clinical intervals in the region (the day starts at midnight UTC).</summary>
[GenerateSerializer, Immutable, Alias("dispatch.ClinicalSummary")]
public sealed record ClinicalSummary(
    [property: Id(0)] DateTimeOffset DayStart,
    [property: Id(1)] int Calls,
    [property: Id(2)] int ChestPain,
    [property: Id(3)] int Stroke,
    [property: Id(4)] int Closed,
    [property: Id(5)] ImmutableArray<MetricDistribution> Metrics);
