using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Regions;

namespace Dispatch.Tests.Regions;

public sealed class RegionLoaderTests
{
    private const string Hospital = """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[114.5,38.0]},
         "properties":{"kind":"hospital","id":"h-1","name":"City PCI","level":"city","capabilities":["pci","ct","stroke-unit"],"cathLabs":2,"doorToDeviceMinutes":55}}
        """;

    private const string Station = """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[114.52,38.01]},
         "properties":{"kind":"station","id":"st-1","name":"Central","ambulances":["amb-1","amb-2"]}}
        """;

    private const string Road = """
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[114.5,38.0],[114.6,38.0]]},
         "properties":{"kind":"road","speedKmh":60,"oneway":true,"name":"East road"}}
        """;

    [Fact]
    public void Load_ValidFile_ReadsEveryField()
    {
        var region = RegionLoader.Load(Collection(Hospital, Station, Road), "fallback");

        Assert.Equal("fallback", region.Name);
        var hospital = Assert.Single(region.Hospitals);
        Assert.Equal(new HospitalProfile("h-1", "City PCI", HospitalLevel.City,
            Capabilities.Pci | Capabilities.Ct | Capabilities.StrokeUnit, 2, new GeoPoint(38.0, 114.5), 55, null), hospital);
        var station = Assert.Single(region.Stations);
        Assert.Equal(["amb-1", "amb-2"], station.AmbulanceIds);
        var road = Assert.Single(region.Roads);
        Assert.Equal((60.0, true, "East road"), (road.SpeedKmh, road.OneWay, road.Name));
        Assert.Equal([new GeoPoint(38.0, 114.5), new GeoPoint(38.0, 114.6)], road.Points);
    }

    [Fact]
    public void Load_NamedCollection_TakesItsName()
    {
        var json = Collection(Hospital, Road).Replace("\"FeatureCollection\",", "\"FeatureCollection\",\"name\":\"Test City\",", StringComparison.Ordinal);

        Assert.Equal("Test City", RegionLoader.Load(json).Name);
    }

    public static TheoryData<string, string, int?, string> BadFiles => new()
    {
        { "not json", "{", null, "not valid JSON" },
        { "not a collection", """{"type":"Feature"}""", null, "type: a region file is a GeoJSON FeatureCollection" },
        { "unknown capability", Collection(Road, Hospital.Replace("\"ct\"", "\"cathlab\"", StringComparison.Ordinal)), 1,
            "feature 1: capabilities: unknown capability \"cathlab\"; expected one of pci, thrombolysis, ct, thrombectomy, stroke-unit" },
        { "unknown level", Collection(Hospital.Replace("\"city\"", "\"metropolis\"", StringComparison.Ordinal), Road), 0,
            "feature 0: level: unknown level \"metropolis\"" },
        { "duplicate hospital id", Collection(Hospital, Road, Hospital), 2, "feature 2: id: duplicate id \"h-1\", already used by feature 0" },
        { "duplicate ambulance", Collection(Hospital, Station, Road, Station.Replace("st-1", "st-2", StringComparison.Ordinal)), 3,
            "feature 3: ambulances: duplicate id \"amb-1\", already used by feature 1" },
        { "latitude out of range", Collection(Hospital.Replace("[114.5,38.0]", "[114.5,98.0]", StringComparison.Ordinal), Road), 0,
            "feature 0: geometry.coordinates: coordinates out of range: longitude 114.5, latitude 98" },
        { "empty geometry", Collection(Hospital, Road.Replace("[[114.5,38.0],[114.6,38.0]]", "[]", StringComparison.Ordinal)), 1,
            "feature 1: geometry.coordinates: is missing or empty" },
        { "one-point road", Collection(Hospital, Road.Replace("[[114.5,38.0],[114.6,38.0]]", "[[114.5,38.0]]", StringComparison.Ordinal)), 1,
            "feature 1: geometry.coordinates: a LineString needs at least 2 positions" },
        { "wrong geometry", Collection(Hospital.Replace("\"Point\"", "\"LineString\"", StringComparison.Ordinal), Road), 0,
            "feature 0: geometry.type: must be Point, got LineString" },
        { "missing kind", Collection(Hospital.Replace("\"kind\":\"hospital\",", "", StringComparison.Ordinal), Road), 0, "feature 0: kind: is required" },
        { "unknown kind", Collection(Hospital.Replace("\"hospital\"", "\"clinic\"", StringComparison.Ordinal), Road), 0,
            "feature 0: kind: unknown kind \"clinic\"; expected hospital, station or road" },
        { "negative speed", Collection(Hospital, Road.Replace("\"speedKmh\":60", "\"speedKmh\":-5", StringComparison.Ordinal)), 1,
            "feature 1: speedKmh: must be between" },
        { "speed as text", Collection(Hospital, Road.Replace("\"speedKmh\":60", "\"speedKmh\":\"fast\"", StringComparison.Ordinal)), 1,
            "feature 1: speedKmh: must be a number, got \"fast\"" },
        { "pci without cath lab", Collection(Hospital.Replace("\"cathLabs\":2", "\"cathLabs\":0", StringComparison.Ordinal), Road), 0,
            "feature 0: cathLabs: a hospital with pci needs at least 1 cath lab" },
        { "station without ambulances", Collection(Hospital, Station.Replace("[\"amb-1\",\"amb-2\"]", "[]", StringComparison.Ordinal), Road), 1,
            "feature 1: ambulances: a station needs at least one ambulance id" },
        { "no roads", Collection(Hospital), null, "features: a region needs at least one road" },
        { "no hospitals", Collection(Road), null, "features: a region needs at least one hospital" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Load_BadFile_FailsNamingFeatureFieldAndProblem(string because, string json, int? feature, string message)
    {
        var error = Assert.Throws<RegionFormatException>(() => RegionLoader.Load(json));

        Assert.True(error.Message.StartsWith(message, StringComparison.Ordinal), $"{because}: got \"{error.Message}\"");
        Assert.Equal(feature, error.FeatureIndex);
    }

    [Fact]
    public void LoadFile_MissingFile_SaysWhichFile()
    {
        var error = Assert.Throws<RegionFormatException>(() => RegionLoader.LoadFile("/no/such/region.geojson"));

        Assert.Equal("region file /no/such/region.geojson does not exist", error.Message);
    }

    private static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";
}
