using System.Collections.Frozen;
using System.Globalization;
using System.Xml;
using Dispatch.Contracts.Geo;
using Dispatch.Grains.Regions;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Reads the drivable roads of an OpenStreetMap XML extract (.osm), so that a user can bring
/// their own city. Speeds come from <c>maxspeed</c> where it is a number, otherwise from the
/// <c>highway</c> class; <c>oneway</c> is honoured; footways, tracks, areas and the like are dropped.
/// </summary>
public static class OsmRoadReader
{
    /// <summary>Default speeds in km/h by highway class; classes not listed are not drivable.</summary>
    public static readonly FrozenDictionary<string, double> DefaultSpeeds = new Dictionary<string, double>
    {
        ["motorway"] = 100, ["motorway_link"] = 60,
        ["trunk"] = 80, ["trunk_link"] = 50,
        ["primary"] = 60, ["primary_link"] = 40,
        ["secondary"] = 50, ["secondary_link"] = 35,
        ["tertiary"] = 40, ["tertiary_link"] = 30,
        ["unclassified"] = 30, ["residential"] = 30, ["road"] = 30,
        ["living_street"] = 10, ["service"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const double KmPerMile = 1.609344;

    public static IReadOnlyList<RoadSegment> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static IReadOnlyList<RoadSegment> Read(Stream osm)
    {
        var nodes = new Dictionary<long, GeoPoint>();
        var ways = new List<(List<long> Refs, Dictionary<string, string> Tags)>();
        using var reader = XmlReader.Create(osm, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Name == "node")
            {
                nodes[long.Parse(reader.GetAttribute("id")!, CultureInfo.InvariantCulture)] = new GeoPoint(
                    double.Parse(reader.GetAttribute("lat")!, CultureInfo.InvariantCulture),
                    double.Parse(reader.GetAttribute("lon")!, CultureInfo.InvariantCulture));
            }
            else if (reader.Name == "way")
            {
                ways.Add(ReadWay(reader.ReadSubtree()));
            }
        }

        var roads = new List<RoadSegment>();
        foreach (var (refs, tags) in ways)
        {
            if (ToRoad(refs, tags, nodes) is { } road)
            {
                roads.Add(road);
            }
        }

        return roads;
    }

    /// <summary>The speed a way is driven at, or null when it is not a road for ambulances.</summary>
    public static double? Speed(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("highway", out var highway) || !DefaultSpeeds.TryGetValue(highway, out var speed) ||
            tags.GetValueOrDefault("area") == "yes" || tags.GetValueOrDefault("access") is "no" or "private")
        {
            return null;
        }

        return tags.TryGetValue("maxspeed", out var maxspeed) && ParseMaxSpeed(maxspeed) is { } posted ? posted : speed;
    }

    /// <summary>"50", "50 km/h", "30 mph"; zone codes such as "DE:urban" fall back to the class default.</summary>
    public static double? ParseMaxSpeed(string value)
    {
        var text = value.Trim();
        var miles = text.EndsWith("mph", StringComparison.OrdinalIgnoreCase);
        var number = new string([.. text.TakeWhile(c => char.IsDigit(c) || c == '.')]);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0
            ? miles ? speed * KmPerMile : speed
            : null;
    }

    private static (List<long> Refs, Dictionary<string, string> Tags) ReadWay(XmlReader way)
    {
        var refs = new List<long>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (way.Read())
        {
            if (way.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (way.Name == "nd")
            {
                refs.Add(long.Parse(way.GetAttribute("ref")!, CultureInfo.InvariantCulture));
            }
            else if (way.Name == "tag")
            {
                tags[way.GetAttribute("k")!] = way.GetAttribute("v")!;
            }
        }

        return (refs, tags);
    }

    private static RoadSegment? ToRoad(List<long> refs, Dictionary<string, string> tags, Dictionary<long, GeoPoint> nodes)
    {
        if (Speed(tags) is not { } speed)
        {
            return null;
        }

        var points = refs.Where(nodes.ContainsKey).Select(r => nodes[r]).ToList();
        if (points.Count < 2)
        {
            return null;
        }

        // Motorways and roundabouts are one-way unless tagged otherwise.
        var implied = tags.GetValueOrDefault("highway") == "motorway" || tags.GetValueOrDefault("junction") == "roundabout";
        var oneway = tags.GetValueOrDefault("oneway") ?? (implied ? "yes" : "no");
        if (oneway == "-1")
        {
            points.Reverse();
        }

        var isOneWay = oneway is "yes" or "1" or "true" or "-1";
        return new RoadSegment(points, speed, isOneWay, tags.GetValueOrDefault("name"));
    }
}
