using System.Text;
using System.Text.Json;
using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions.Generation;

/// <summary>Writes a region in the region file format (docs/region-format.md); <see cref="RegionLoader"/> reads it back unchanged.</summary>
public static class RegionWriter
{
    public static string Write(Region region, string? note = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("name", region.Name);
            if (note is not null)
            {
                json.WriteString("note", note);
            }

            json.WriteStartArray("features");
            foreach (var hospital in region.Hospitals)
            {
                Feature(json, "Point", () => Position(json, hospital.Location), () =>
                {
                    json.WriteString("kind", "hospital");
                    json.WriteString("id", hospital.Id);
                    json.WriteString("name", hospital.Name);
                    json.WriteString("level", RegionVocabulary.Name(hospital.Level));
                    json.WriteStartArray("capabilities");
                    foreach (var capability in RegionVocabulary.Names(hospital.Capabilities))
                    {
                        json.WriteStringValue(capability);
                    }

                    json.WriteEndArray();
                    json.WriteNumber("cathLabs", hospital.CathLabs);
                    Optional(json, "doorToDeviceMinutes", hospital.DoorToDeviceMinutes);
                    Optional(json, "doorToNeedleMinutes", hospital.DoorToNeedleMinutes);
                });
            }

            foreach (var station in region.Stations)
            {
                Feature(json, "Point", () => Position(json, station.Location), () =>
                {
                    json.WriteString("kind", "station");
                    json.WriteString("id", station.Id);
                    json.WriteString("name", station.Name);
                    json.WriteStartArray("ambulances");
                    foreach (var ambulance in station.AmbulanceIds)
                    {
                        json.WriteStringValue(ambulance);
                    }

                    json.WriteEndArray();
                });
            }

            foreach (var road in region.Roads)
            {
                Feature(json, "LineString", () =>
                {
                    json.WriteStartArray();
                    foreach (var point in road.Points)
                    {
                        Position(json, point);
                    }

                    json.WriteEndArray();
                }, () =>
                {
                    json.WriteString("kind", "road");
                    json.WriteNumber("speedKmh", road.SpeedKmh);
                    if (road.OneWay)
                    {
                        json.WriteBoolean("oneway", true);
                    }

                    if (road.Name is not null)
                    {
                        json.WriteString("name", road.Name);
                    }
                });
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // One feature per line keeps the bundled file diffable.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("},{\"type\":\"Feature\"", "},\n{\"type\":\"Feature\"", StringComparison.Ordinal) + "\n";
    }

    private static void Feature(Utf8JsonWriter json, string geometryType, Action coordinates, Action properties)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", geometryType);
        json.WritePropertyName("coordinates");
        coordinates();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        properties();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter json, GeoPoint point)
    {
        json.WriteStartArray();
        json.WriteNumberValue(point.Longitude);
        json.WriteNumberValue(point.Latitude);
        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
