using System.Collections.Immutable;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Contracts.Routing;

/// <summary>A centre's circle: the outline of the places that reach it within the circle's minutes.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.Isochrone")]
public sealed record Isochrone(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] Capabilities Capabilities,
    [property: Id(2)] double Minutes,
    [property: Id(3)] ImmutableArray<GeoPoint> Outline);
