using System.Text.Json;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Grains.Regions;

/// <summary>
/// Loads a region from a GeoJSON FeatureCollection (docs/region-format.md). The first problem
/// found stops the load with a <see cref="RegionFormatException"/> that names where it is.
/// </summary>
public static class RegionLoader
{
    private const double MaxSpeedKmh = 200;

    /// <summary>Loads a region file; with <paramref name="requireRoads"/> false its roads may come from elsewhere (an .osm extract).</summary>
    public static Region LoadFile(string path, bool requireRoads = true)
    {
        if (!File.Exists(path))
        {
            throw new RegionFormatException(null, null, $"region file {path} does not exist");
        }

        return Load(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), requireRoads);
    }

    public static Region Load(string json, string fallbackName = "region", bool requireRoads = true)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new RegionFormatException(null, null, $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            return Read(document.RootElement, fallbackName, requireRoads);
        }
    }

    private static Region Read(JsonElement root, string fallbackName, bool requireRoads)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
        {
            throw new RegionFormatException(null, "type", "a region file is a GeoJSON FeatureCollection");
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new RegionFormatException(null, "features", "must be an array of features");
        }

        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : fallbackName;
        var builder = new RegionBuilder();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            ReadFeature(index++, feature, builder);
        }

        return builder.Build(name, requireRoads);
    }

    private static void ReadFeature(int index, JsonElement feature, RegionBuilder builder)
    {
        if (feature.ValueKind != JsonValueKind.Object ||
            !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new RegionFormatException(index, "properties", "a feature needs a properties object");
        }

        var reader = new FeatureReader(index, feature, properties);
        switch (reader.RequiredString("kind"))
        {
            case "hospital":
                builder.Add(reader, ReadHospital(reader));
                break;
            case "station":
                builder.Add(reader, new AmbulanceStation(reader.RequiredString("id"), reader.RequiredString("name"),
                    reader.Point(), reader.StringArray("ambulances")));
                break;
            case "road":
                builder.Add(new RoadSegment(reader.LineString(), reader.RequiredNumber("speedKmh", double.Epsilon, MaxSpeedKmh),
                    reader.OptionalBool("oneway", false), reader.OptionalString("name")));
                break;
            case var other:
                throw reader.Error("kind", $"unknown kind \"{other}\"; expected hospital, station or road");
        }
    }

    private static HospitalProfile ReadHospital(FeatureReader reader)
    {
        var id = reader.RequiredString("id");
        var name = reader.RequiredString("name");
        var levelName = reader.RequiredString("level");
        if (!RegionVocabulary.Levels.TryGetValue(levelName, out var level))
        {
            throw reader.Error("level", $"unknown level \"{levelName}\"; expected one of {string.Join(", ", RegionVocabulary.Levels.Keys)}");
        }

        var capabilities = Capabilities.None;
        foreach (var word in reader.StringArray("capabilities"))
        {
            capabilities |= RegionVocabulary.Capabilities.TryGetValue(word, out var capability)
                ? capability
                : throw reader.Error("capabilities",
                    $"unknown capability \"{word}\"; expected one of {string.Join(", ", RegionVocabulary.Capabilities.Keys)}");
        }

        var cathLabs = reader.OptionalNumber("cathLabs", 0, 100) ?? 0;
        if (cathLabs != Math.Floor(cathLabs))
        {
            throw reader.Error("cathLabs", $"must be a whole number, got {cathLabs}");
        }

        if ((capabilities & Capabilities.Pci) != 0 && cathLabs < 1)
        {
            throw reader.Error("cathLabs", "a hospital with pci needs at least 1 cath lab");
        }

        return new HospitalProfile(id, name, level, capabilities, (int)cathLabs, reader.Point(),
            reader.OptionalNumber("doorToDeviceMinutes", double.Epsilon, 600),
            reader.OptionalNumber("doorToNeedleMinutes", double.Epsilon, 600));
    }
}
