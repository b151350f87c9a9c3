using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Routing;

/// <summary>An ambulance free to take a call: where it is, and its station when it is parked there.</summary>
public sealed record AvailableAmbulance(string Id, GeoPoint Position, string? ParkedAtStationId);
