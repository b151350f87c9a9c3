using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions;

/// <summary>An ambulance base and the ambulances that start the day there.</summary>
public sealed record AmbulanceStation(string Id, string Name, GeoPoint Location, IReadOnlyList<string> AmbulanceIds);
