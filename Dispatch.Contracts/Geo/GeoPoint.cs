namespace Dispatch.Contracts.Geo;

/// <summary>A WGS 84 position. Longitude is x and latitude is y, as in GeoJSON.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.GeoPoint")]
public readonly record struct GeoPoint(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude)
{
    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude) &&
        Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    public override string ToString() => FormattableString.Invariant($"{Latitude:F6},{Longitude:F6}");
}
