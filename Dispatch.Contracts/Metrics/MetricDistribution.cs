using System.Collections.Immutable;

namespace Dispatch.Contracts.Metrics;

/// <summary>One interval over today's cases: every measured value (ascending), its median and how many met their own target.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.MetricDistribution")]
public sealed record MetricDistribution(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableArray<double> Minutes,
    [property: Id(2)] double? MedianMinutes,
    [property: Id(3)] int WithinTarget,
    [property: Id(4)] int WithTarget,
    [property: Id(5)] double? TargetMinutes);
