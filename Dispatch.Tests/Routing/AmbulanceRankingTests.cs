using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;

namespace Dispatch.Tests.Routing;

/// <summary>
/// The ranking a dispatch gets is only the nearest few, found without an ETA for every ambulance:
/// it must be exactly the head of the full ranking, whatever mix of parked and roaming vehicles.
/// </summary>
public sealed class AmbulanceRankingTests
{
    private static readonly string BundledSample = Path.Combine(AppContext.BaseDirectory, "samples", "regions", "sample-city.geojson");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheNearestFew_AreExactlyTheHeadOfTheFullRanking(int seed)
    {
        var region = RegionLoader.LoadFile(BundledSample);
        var engine = new RoutingEngine(region, new DestinationPolicyOptions(), TimeProvider.System);
        var random = new Random(seed);
        var bounds = RegionBounds.Of(region);
        var fleet = MixedFleet(region, bounds, random, 3000, parkedEvery: 3, i => $"amb-{i}");

        for (var call = 0; call < 20; call++)
        {
            var scene = RandomPlace(random, bounds);

            var all = engine.RankAmbulances(scene, fleet);
            var nearest = engine.RankAmbulances(scene, fleet, RoutingGrain.RankingDepth);

            Assert.Equal(all.Take(RoutingGrain.RankingDepth), nearest);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void TheRanking_IsEveryAmbulancesRoadEta_NearestFirst_TiesByAmbulanceId(int seed)
    {
        var region = RegionLoader.LoadFile(BundledSample);
        var engine = new RoutingEngine(region, new DestinationPolicyOptions(), TimeProvider.System);
        var random = new Random(seed);
        var bounds = RegionBounds.Of(region);

        // Many ambulances parked at each station tie exactly; their ids are out of order on purpose.
        var fleet = MixedFleet(region, bounds, random, 1200, parkedEvery: 2, i => $"amb-{i * 7919 % 1200}");

        for (var call = 0; call < 5; call++)
        {
            var scene = RandomPlace(random, bounds);
            var expected = EveryEtaByHand(engine, scene, fleet).Take(RoutingGrain.RankingDepth).ToList();

            // A lazily enumerated fleet is ranked the same as a list.
            var ranked = engine.RankAmbulances(scene, fleet.Select(a => a), RoutingGrain.RankingDepth);

            Assert.Equal(expected, ranked);
        }
    }

    /// <summary>The ranking's definition, one ambulance at a time: its road ETA (rounded to 0.01 min), nearest first, ties by id.</summary>
    private static IEnumerable<AmbulanceCandidate> EveryEtaByHand(RoutingEngine engine, GeoPoint scene, IEnumerable<AvailableAmbulance> fleet)
    {
        var to = engine.Snapper.Snap(scene);
        var towardsScene = engine.Index.MinutesToPlace(to);
        return fleet
            .Select(a => new AmbulanceCandidate(a.Id,
                Math.Round(a.ParkedAtStationId is { } station ? engine.Index.MinutesFromStation(station, to) : towardsScene(engine.Snapper.Snap(a.Position)), 2),
                a.ParkedAtStationId is not null))
            .Where(c => double.IsFinite(c.EtaMinutes))
            .OrderBy(c => c.EtaMinutes)
            .ThenBy(c => c.AmbulanceId, StringComparer.Ordinal);
    }

    /// <summary>A fleet shared out over the region's stations: every <paramref name="parkedEvery"/>th parked at its station, the others at random places.</summary>
    private static List<AvailableAmbulance> MixedFleet(Region region, RegionBounds bounds, Random random, int count, int parkedEvery, Func<int, string> idOf) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var station = region.Stations[i % region.Stations.Count];
            return i % parkedEvery == 0
                ? new AvailableAmbulance(idOf(i), station.Location, station.Id)
                : new AvailableAmbulance(idOf(i), RandomPlace(random, bounds), null);
        })];

    private static GeoPoint RandomPlace(Random random, RegionBounds bounds) => new(
        bounds.MinLatitude + random.NextDouble() * (bounds.MaxLatitude - bounds.MinLatitude),
        bounds.MinLongitude + random.NextDouble() * (bounds.MaxLongitude - bounds.MinLongitude));
}
