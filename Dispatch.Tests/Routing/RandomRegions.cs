using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;

namespace Dispatch.Tests.Routing;

/// <summary>Seeded random road networks with hospitals and stations scattered over them.</summary>
internal static class RandomRegions
{
    public static Region Create(int seed, int nodes = 60, int hospitals = 8, int stations = 3)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, nodes)
            .Select(_ => new GeoPoint(Math.Round(38 + random.NextDouble() * 0.4, 6), Math.Round(114 + random.NextDouble() * 0.5, 6)))
            .Distinct()
            .ToList();
        var roads = new List<RoadSegment>();
        for (var i = 0; i < points.Count; i++)
        {
            // Join each point to a few of its nearest neighbours; some roads one-way, speeds from lanes to expressways.
            foreach (var j in Enumerable.Range(0, points.Count).Where(j => j != i)
                         .OrderBy(j => Haversine.Km(points[i], points[j])).Take(1 + random.Next(3)))
            {
                var middle = new GeoPoint(Math.Round((points[i].Latitude + points[j].Latitude) / 2 + (random.NextDouble() - 0.5) * 0.002, 6),
                    Math.Round((points[i].Longitude + points[j].Longitude) / 2, 6));
                roads.Add(new RoadSegment([points[i], middle, points[j]], 20 + random.Next(9) * 10, random.NextDouble() < 0.2, null));
            }
        }

        var all = Enum.GetValues<Capabilities>().Where(c => c != Capabilities.None).ToArray();
        var hospitalList = Enumerable.Range(0, hospitals).Select(i =>
        {
            var capabilities = all.Where(_ => random.NextDouble() < 0.5).Aggregate(Capabilities.None, (a, c) => a | c);
            return new HospitalProfile($"h-{i:00}", $"Hospital {i}", (HospitalLevel)random.Next(5), capabilities,
                (capabilities & Capabilities.Pci) != 0 ? 1 + random.Next(3) : 0, RandomPlace(random),
                random.NextDouble() < 0.5 ? 30 + random.Next(60) : null, random.NextDouble() < 0.5 ? 20 + random.Next(40) : null);
        }).ToList();
        var stationList = Enumerable.Range(0, stations)
            .Select(i => new AmbulanceStation($"st-{i}", $"Station {i}", RandomPlace(random), [$"amb-{i}-1", $"amb-{i}-2"]))
            .ToList();
        return new Region($"random-{seed}", hospitalList, stationList, roads);
    }

    public static GeoPoint RandomPlace(Random random) =>
        new(38 + random.NextDouble() * 0.4, 114 + random.NextDouble() * 0.5);
}
