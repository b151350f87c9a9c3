using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions;

/// <summary>Counts that describe a region's size.</summary>
public sealed record RegionStatistics(int Ambulances, int RoadNodes, double RoadKm)
{
    public static RegionStatistics Of(Region region) => new(
        region.Stations.Sum(s => s.AmbulanceIds.Count),
        region.Roads.SelectMany(r => r.Points).Distinct().Count(),
        region.Roads.Sum(r => r.Points.Zip(r.Points.Skip(1), Haversine.Km).Sum()));
}
