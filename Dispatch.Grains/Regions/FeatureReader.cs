using System.Text.Json;
using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions;

/// <summary>Reads one GeoJSON feature's properties and geometry, failing with the feature's index and field.</summary>
internal sealed class FeatureReader(int index, JsonElement feature, JsonElement properties)
{
    public int Index => index;

    public RegionFormatException Error(string? field, string problem) => new(index, field, problem);

    public string RequiredString(string name)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error(name, "is required");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Error(name, $"must be a non-empty string, got {Describe(value)}");
        }

        return value.GetString()!;
    }

    public string? OptionalString(string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(name, $"must be a string, got {Describe(value)}")
            : null;

    public double? OptionalNumber(string name, double min, double max)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Error(name, $"must be a number, got {Describe(value)}");
        }

        return number < min || number > max ? throw Error(name, $"must be between {min} and {max}, got {number}") : number;
    }

    public double RequiredNumber(string name, double min, double max) =>
        OptionalNumber(name, min, max) ?? throw Error(name, "is required");

    public bool OptionalBool(string name, bool fallback) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(name, $"must be true or false, got {Describe(value)}"),
            }
            : fallback;

    public IReadOnlyList<string> StringArray(string name)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error(name, "is required");
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, $"must be an array of strings, got {Describe(value)}");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
            ? item.GetString()!
            : throw Error(name, $"must hold only non-empty strings, got {Describe(item)}"))];
    }

    public GeoPoint Point()
    {
        var coordinates = Geometry("Point");
        return Position(coordinates, "geometry.coordinates");
    }

    public IReadOnlyList<GeoPoint> LineString()
    {
        var coordinates = Geometry("LineString");
        if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() < 2)
        {
            throw Error("geometry.coordinates", "a LineString needs at least 2 positions");
        }

        var field = "geometry.coordinates";
        return [.. coordinates.EnumerateArray().Select((p, i) => Position(p, $"{field}[{i}]"))];
    }

    private JsonElement Geometry(string expectedType)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw Error("geometry", "is missing or empty");
        }

        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type != expectedType)
        {
            throw Error("geometry.type", $"must be {expectedType}, got {type ?? "nothing"}");
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array ||
            coordinates.GetArrayLength() == 0)
        {
            throw Error("geometry.coordinates", "is missing or empty");
        }

        return coordinates;
    }

    private GeoPoint Position(JsonElement position, string field)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2 ||
            position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw Error(field, $"a position is [longitude, latitude], got {Describe(position)}");
        }

        var longitude = position[0].GetDouble();
        var latitude = position[1].GetDouble();
        if (longitude is < -180 or > 180 || latitude is < -90 or > 90)
        {
            throw Error(field, $"coordinates out of range: longitude {longitude}, latitude {latitude}");
        }

        return new GeoPoint(latitude, longitude);
    }

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
