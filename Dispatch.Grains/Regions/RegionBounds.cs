using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions;

/// <summary>The box around everything a region holds (hospitals, stations, roads), to tell a slip of a GPS from a place in the region.</summary>
public sealed record RegionBounds(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude)
{
    public static RegionBounds Of(Region region)
    {
        var points = region.Hospitals.Select(h => h.Location)
            .Concat(region.Stations.Select(s => s.Location))
            .Concat(region.Roads.SelectMany(r => r.Points))
            .ToList();
        return points.Count == 0
            ? new RegionBounds(-90, -180, 90, 180)
            : new RegionBounds(points.Min(p => p.Latitude), points.Min(p => p.Longitude), points.Max(p => p.Latitude), points.Max(p => p.Longitude));
    }

    /// <summary>Kilometres from the point to the nearest edge of the box; 0 inside it.</summary>
    public double KmOutside(GeoPoint point)
    {
        var nearest = new GeoPoint(Math.Clamp(point.Latitude, MinLatitude, MaxLatitude), Math.Clamp(point.Longitude, MinLongitude, MaxLongitude));
        return Haversine.Km(point, nearest);
    }
}
