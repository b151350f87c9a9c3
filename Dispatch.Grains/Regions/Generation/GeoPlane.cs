using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Regions.Generation;

/// <summary>Kilometre offsets around a centre, for laying out a region on a local flat plane.</summary>
internal sealed class GeoPlane(GeoPoint centre)
{
    private const double KmPerDegreeLatitude = 111.32;

    public GeoPoint At(double eastKm, double northKm) => new(
        Math.Round(centre.Latitude + northKm / KmPerDegreeLatitude, 6),
        Math.Round(centre.Longitude + eastKm / (KmPerDegreeLatitude * Math.Cos(centre.Latitude * Math.PI / 180)), 6));
}
