using Dispatch.Contracts.Geo;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Equirectangular projection to kilometres around the region's middle latitude. Over a
/// prefecture (a few hundred km) the error is well under a percent, and it makes distances plain
/// Euclidean, which the spatial index's bounds need.
/// </summary>
public readonly struct LocalProjection(double referenceLatitude)
{
    private const double KmPerDegree = 111.32;
    private readonly double _kmPerDegreeLongitude = KmPerDegree * Math.Cos(referenceLatitude * Math.PI / 180);

    public (double X, double Y) ToKm(GeoPoint point) => (point.Longitude * _kmPerDegreeLongitude, point.Latitude * KmPerDegree);

    public GeoPoint ToGeo(double x, double y) => new(y / KmPerDegree, x / _kmPerDegreeLongitude);

    public static LocalProjection For(IReadOnlyList<GeoPoint> points) =>
        new(points.Count == 0 ? 0 : (points.Min(p => p.Latitude) + points.Max(p => p.Latitude)) / 2);
}
