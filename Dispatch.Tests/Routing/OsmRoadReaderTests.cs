using System.Text;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Routing;

public sealed class OsmRoadReaderTests
{
    private static readonly string Kirchberg = Path.Combine(AppContext.BaseDirectory, "TestData", "osm", "kirchberg-an-der-iller.osm");

    [Fact]
    public void RealExtract_KeepsTheResidentialStreets_AndDropsPrivateServiceRoadsAndTracks()
    {
        var roads = OsmRoadReader.ReadFile(Kirchberg);

        // 19 highway ways: 6 residential (2 clipped to a single node), 11 private service roads, 2 tracks.
        Assert.Equal(4, roads.Count);
        Assert.All(roads, r => Assert.Equal(30, r.SpeedKmh));
        Assert.Equal(19, RoadGraphBuilder.FromRegion(new Region("k", [], [], roads)).Pieces.Count);
        Assert.All(roads.SelectMany(r => r.Points), p => Assert.True(p.Latitude is > 48.1 and < 48.2 && p.Longitude is > 10.0 and < 10.2));
    }

    [Fact]
    public void RealExtract_EtasEqualBruteForce()
    {
        var roads = OsmRoadReader.ReadFile(Kirchberg);
        var place = roads[0].Points[^1];
        var region = new Region("Kirchberg", [new HospitalProfile("h", "Clinic", HospitalLevel.County, Capabilities.Ct, 0, place, null, null)], [], roads);
        var engine = new RoutingEngine(region, new DestinationPolicyOptions(), TestClock.Shared);

        foreach (var from in roads.SelectMany(r => r.Points).Distinct().Take(40))
        {
            var snapped = engine.Snapper.Snap(from);
            var expected = BruteForceRouting.Minutes(engine.Graph, engine.Index.PieceSeconds, snapped, engine.Index.HospitalLocation("h"));
            var actual = engine.Index.MinutesToHospital(snapped, "h");
            Assert.True(double.IsPositiveInfinity(expected) ? double.IsPositiveInfinity(actual) : Math.Abs(expected - actual) < 1e-4,
                $"{from}: brute force {expected}, index {actual}");
        }
    }

    [Fact]
    public void Tags_OnewayMaxspeedAndNonDrivableWays_AreHonoured()
    {
        var osm = """
            <osm version="0.6">
              <node id="1" lat="48.0" lon="10.0"/><node id="2" lat="48.0" lon="10.01"/><node id="3" lat="48.0" lon="10.02"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="oneway" v="-1"/><tag k="name" v="Back street"/></way>
              <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="secondary"/><tag k="maxspeed" v="30 mph"/></way>
              <way id="12"><nd ref="1"/><nd ref="3"/><tag k="highway" v="footway"/></way>
              <way id="13"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="highway" v="pedestrian"/><tag k="area" v="yes"/></way>
              <way id="14"><nd ref="1"/><nd ref="3"/><tag k="highway" v="tertiary"/><tag k="maxspeed" v="DE:urban"/></way>
              <way id="15"><nd ref="1"/><nd ref="3"/><tag k="highway" v="motorway"/></way>
            </osm>
            """;

        var roads = OsmRoadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(osm)));

        Assert.Equal(4, roads.Count);
        Assert.Equal((60.0, true, new GeoPoint(48.0, 10.01)), (roads[0].SpeedKmh, roads[0].OneWay, roads[0].Points[0]));
        Assert.Equal(30 * 1.609344, roads[1].SpeedKmh, 6);
        Assert.False(roads[1].OneWay);
        Assert.Equal((40.0, false), (roads[2].SpeedKmh, roads[2].OneWay));
        Assert.Equal((100.0, true), (roads[3].SpeedKmh, roads[3].OneWay));
    }

    [Theory]
    [InlineData("50", 50.0)]
    [InlineData("50 km/h", 50.0)]
    [InlineData("20 mph", 32.18688)]
    [InlineData("RU:urban", null)]
    [InlineData("none", null)]
    public void ParseMaxSpeed_ReadsNumbersAndMiles(string value, double? expected) =>
        Assert.Equal(expected, OsmRoadReader.ParseMaxSpeed(value));
}
