using BenchmarkDotNet.Attributes;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;

namespace Dispatch.Benchmarks.Routing;

/// <summary>
/// A dispatch's ranking of the free fleet, as in the stress run's top level: the bundled sample
/// region with 5,000 ambulances, two in three of them on the road. The nearest 64 (what a dispatch
/// asks for) against an ETA for every ambulance; the allocated column is what a call adds to the
/// young generation.
/// </summary>
[MemoryDiagnoser]
public class AmbulanceRankingBenchmarks
{
    private const int Fleet = 5000;
    private const int Scenes = 64;

    private RoutingEngine _engine = null!;
    private List<AvailableAmbulance> _fleet = null!;
    private GeoPoint[] _scenes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var region = RegionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "regions", "sample-city.geojson"));
        _engine = new RoutingEngine(region, new DestinationPolicyOptions(), TimeProvider.System);
        var bounds = RegionBounds.Of(region);
        var random = new Random(1);
        _fleet = [.. Enumerable.Range(0, Fleet).Select(i =>
        {
            var station = region.Stations[i % region.Stations.Count];
            return i % 3 == 0
                ? new AvailableAmbulance($"amb-{i + 1}", station.Location, station.Id)
                : new AvailableAmbulance($"amb-{i + 1}", Place(random, bounds), null);
        })];
        _scenes = [.. Enumerable.Range(0, Scenes).Select(_ => Place(random, bounds))];
    }

    // Each invocation ranks for every scene, so every iteration times the same mix of scenes
    // (one near stations with parked ambulances costs far less than one needing a tree).
    [Benchmark(Baseline = true, OperationsPerInvoke = Scenes)]
    public int EveryAmbulance() => RankForEveryScene(int.MaxValue);

    [Benchmark(OperationsPerInvoke = Scenes)]
    public int Nearest64() => RankForEveryScene(RoutingGrain.RankingDepth);

    private int RankForEveryScene(int depth)
    {
        var ranked = 0;
        foreach (var scene in _scenes)
        {
            ranked += _engine.RankAmbulances(scene, _fleet, depth).Count;
        }

        return ranked;
    }

    private static GeoPoint Place(Random random, RegionBounds bounds) => new(
        bounds.MinLatitude + random.NextDouble() * (bounds.MaxLatitude - bounds.MinLatitude),
        bounds.MinLongitude + random.NextDouble() * (bounds.MaxLongitude - bounds.MinLongitude));
}
