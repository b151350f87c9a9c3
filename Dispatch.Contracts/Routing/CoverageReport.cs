using System.Collections.Immutable;

namespace Dispatch.Contracts.Routing;

[GenerateSerializer, Immutable, Alias("dispatch.CoverageReport")]
public sealed record CoverageReport(
    [property: Id(0)] double CircleMinutes,
    [property: Id(1)] ImmutableArray<CapabilityCoverage> Capabilities);
