using System.Collections.Immutable;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Geometries;

namespace Dispatch.Grains.Routing;

/// <summary>
/// The one-hour circle. Coverage is measured exactly on the road network (a piece counts, by
/// length, when both its ends reach a capable centre within the circle); the isochrone polygon
/// is a concave hull of the reachable road nodes, an outline for the map.
/// </summary>
public static class CoverageAnalyzer
{
    public static readonly Capabilities[] ReportedCapabilities =
        [Capabilities.Pci, Capabilities.Thrombolysis, Capabilities.Thrombectomy];

    private static readonly GeometryFactory Geometry = new();

    public static CoverageReport Report(TravelTimeIndex index, Region region, double minutes) =>
        new(minutes, [.. ReportedCapabilities.Select(c => Coverage(index, region, c, minutes))]);

    public static CapabilityCoverage Coverage(TravelTimeIndex index, Region region, Capabilities capability, double minutes)
    {
        var centres = region.Hospitals.Where(h => h.Can(capability)).ToList();
        var best = new float[index.Graph.NodeCount];
        Array.Fill(best, float.PositiveInfinity);
        foreach (var centre in centres)
        {
            var tree = index.SecondsFromEveryNodeTo(centre.Id);
            for (var n = 0; n < best.Length; n++)
            {
                best[n] = Math.Min(best[n], tree[n]);
            }
        }

        var limit = minutes * 60;
        double covered = 0, total = 0;
        foreach (var piece in index.Graph.Pieces)
        {
            total += piece.LengthKm;
            if (best[piece.From] <= limit && best[piece.To] <= limit)
            {
                covered += piece.LengthKm;
            }
        }

        var places = region.Hospitals.Select(h => (h.Id, h.Name, Kind: "hospital", h.Location))
            .Concat(region.Stations.Select(s => (s.Id, s.Name, Kind: "station", s.Location)));
        var uncovered = ImmutableArray.CreateBuilder<UncoveredPlace>();
        foreach (var place in places)
        {
            var at = index.Snapper.Snap(place.Location);
            var nearest = centres.Select(c => (c.Id, Minutes: index.MinutesToHospital(at, c.Id)))
                .OrderBy(c => c.Minutes).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
            if (nearest.Id is null || !(nearest.Minutes <= minutes))
            {
                var reachable = nearest.Id is not null && double.IsFinite(nearest.Minutes);
                uncovered.Add(new UncoveredPlace(place.Id, place.Name, place.Kind,
                    reachable ? Math.Round(nearest.Minutes, 1) : null, reachable ? nearest.Id : null));
            }
        }

        return new CapabilityCoverage(capability, centres.Count, total == 0 ? 0 : covered / total,
            Math.Round(covered, 2), Math.Round(total, 2), uncovered.ToImmutable());
    }

    public static Isochrone Isochrone(TravelTimeIndex index, HospitalProfile hospital, double minutes)
    {
        var tree = index.SecondsFromEveryNodeTo(hospital.Id);
        var limit = minutes * 60;
        var coordinates = new List<Coordinate>();
        for (var n = 0; n < tree.Length; n++)
        {
            if (tree[n] <= limit)
            {
                var p = index.Graph.Nodes[n];
                coordinates.Add(new Coordinate(p.Longitude, p.Latitude));
            }
        }

        if (coordinates.Count < 3)
        {
            return new Isochrone(hospital.Id, hospital.Capabilities, minutes, []);
        }

        var hull = ConcaveHull.ConcaveHullByLengthRatio(Geometry.CreateMultiPointFromCoords([.. coordinates]), 0.2);
        var outline = hull is Polygon polygon ? polygon.ExteriorRing.Coordinates : hull.ConvexHull().Coordinates;
        return new Isochrone(hospital.Id, hospital.Capabilities, minutes,
            [.. outline.Select(c => new GeoPoint(Math.Round(c.Y, 6), Math.Round(c.X, 6)))]);
    }
}
