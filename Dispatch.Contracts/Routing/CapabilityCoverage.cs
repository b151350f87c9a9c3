using System.Collections.Immutable;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Contracts.Routing;

/// <summary>
/// For one capability: how much of the road network lies within the circle of some capable
/// centre (by road length), and which places do not.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CapabilityCoverage")]
public sealed record CapabilityCoverage(
    [property: Id(0)] Capabilities Capability,
    [property: Id(1)] int Centres,
    [property: Id(2)] double CoveredShare,
    [property: Id(3)] double CoveredRoadKm,
    [property: Id(4)] double TotalRoadKm,
    [property: Id(5)] ImmutableArray<UncoveredPlace> Uncovered);
