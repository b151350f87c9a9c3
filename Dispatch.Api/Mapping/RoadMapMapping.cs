using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;

namespace Dispatch.Api.Mapping;

/// <summary>The region's roads for a map drawn by the client itself (closed networks have no tile servers).</summary>
public static class RoadMapMapping
{
    public static RoadMap ToRoadMap(this RegionCatalog catalog)
    {
        var bounds = catalog.Bounds;
        var map = new RoadMap
        {
            SouthWest = new GeoPoint { Latitude = bounds.MinLatitude, Longitude = bounds.MinLongitude },
            NorthEast = new GeoPoint { Latitude = bounds.MaxLatitude, Longitude = bounds.MaxLongitude },
        };
        foreach (var road in catalog.Region.Roads)
        {
            var line = new RoadLine { SpeedKmh = road.SpeedKmh, Name = road.Name ?? "" };
            line.Points.AddRange(road.Points.Select(p => p.ToWire()));
            map.Roads.Add(line);
        }

        return map;
    }
}
