using Dispatch.Contracts.Geo;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Drills;

/// <summary>The routes drill ambulances drive: along roads, as fast as the engine's own travel times say.</summary>
public sealed class RoadRouteTests
{
    private static readonly Region Sample = RegionLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "samples", "regions", "sample-city.geojson"));

    [Fact]
    public void ARouteFromAStationToAHospital_TakesTheEnginesTravelTime_AndRunsAlongTheRoads()
    {
        var graph = RoadGraphBuilder.FromRegion(Sample);
        var engine = new RoutingEngine(Sample, new DestinationPolicyOptions(), new FakeTimeProvider(TestClock.Start));
        var nodes = graph.Nodes.ToHashSet();

        foreach (var (station, hospital) in Sample.Stations.Zip(Sample.Hospitals.Skip(3)))
        {
            var from = graph.Nodes.MinBy(n => Haversine.Km(n, station.Location));
            var route = RoadRoute.Between(graph, from, hospital.Location);
            var access = Haversine.Km(route.Points[^1], hospital.Location) / new DestinationPolicyOptions().AccessSpeedKmh * 60;

            Assert.Equal(engine.MinutesToHospital(from, hospital.Id), route.TotalSeconds / 60 + access, 0.5);
            Assert.All(route.Points, p => Assert.Contains(p, nodes));
            Assert.Equal(route.Points[0], route.At(0));
            Assert.Equal(route.Points[^1], route.At(route.TotalSeconds + 60));
            Assert.True(Haversine.Km(route.At(route.TotalSeconds / 2), route.Points[0]) > 0);
        }
    }
}
