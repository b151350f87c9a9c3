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
        var fleet = Enumerable.Range(0, 3000).Select(i =>
        {
            var station = region.Stations[i % region.Stations.Count];
            return i % 3 == 0
                ? new AvailableAmbulance($"amb-{i}", station.Location, station.Id)
                : new AvailableAmbulance($"amb-{i}", RandomPlace(random, bounds), null);
        }).ToList();

        for (var call = 0; call < 20; call++)
        {
            var scene = RandomPlace(random, bounds);

            var all = engine.RankAmbulances(scene, fleet);
            var nearest = engine.RankAmbulances(scene, fleet, RoutingGrain.RankingDepth);

            Assert.Equal(all.Take(RoutingGrain.RankingDepth), nearest);
        }
    }

    private static GeoPoint RandomPlace(Random random, RegionBounds bounds) => new(
        bounds.MinLatitude + random.NextDouble() * (bounds.MaxLatitude - bounds.MinLatitude),
        bounds.MinLongitude + random.NextDouble() * (bounds.MaxLongitude - bounds.MinLongitude));
}
