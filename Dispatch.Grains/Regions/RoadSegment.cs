using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions;

/// <summary>A drivable polyline. Travel time along it is its length over <see cref="SpeedKmh"/>.</summary>
public sealed record RoadSegment(IReadOnlyList<GeoPoint> Points, double SpeedKmh, bool OneWay, string? Name);
