using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Routing;

/// <summary>An ambulance free to take a call: where it is, and its station when it is parked there.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.AvailableAmbulance")]
public sealed record AvailableAmbulance(
    [property: Id(0)] string Id,
    [property: Id(1)] GeoPoint Position,
    [property: Id(2)] string? ParkedAtStationId);
