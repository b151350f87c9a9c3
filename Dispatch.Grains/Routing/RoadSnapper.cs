using Dispatch.Contracts.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>Snaps a place to the nearest road piece through an STR-tree over the pieces' bounding boxes.</summary>
public sealed class RoadSnapper
{
    private readonly RoadGraph _graph;
    private readonly LocalProjection _projection;
    private readonly (double X, double Y)[] _nodes;
    private readonly STRtree<int> _index = new();
    private readonly double _accessSpeedKmh;

    public RoadSnapper(RoadGraph graph, double accessSpeedKmh)
    {
        if (graph.Pieces.Count == 0)
        {
            throw new ArgumentException("a road graph without roads cannot snap anything", nameof(graph));
        }

        _graph = graph;
        _accessSpeedKmh = accessSpeedKmh;
        _projection = LocalProjection.For(graph.Nodes);
        _nodes = [.. graph.Nodes.Select(_projection.ToKm)];
        for (var i = 0; i < graph.Pieces.Count; i++)
        {
            var (a, b) = Ends(i);
            _index.Insert(new Envelope(a.X, b.X, a.Y, b.Y), i);
        }

        _index.Build();
    }

    public SnappedLocation Snap(GeoPoint place)
    {
        var (x, y) = _projection.ToKm(place);
        var piece = _index.NearestNeighbour(new Envelope(x, x, y, y), -1, new PieceDistance(this, x, y));
        var (t, distance) = Project(piece, x, y);
        var (a, b) = Ends(piece);
        var onRoad = _projection.ToGeo(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);
        return new SnappedLocation(piece, t, distance / _accessSpeedKmh * 3600, distance, onRoad);
    }

    private ((double X, double Y) A, (double X, double Y) B) Ends(int piece) =>
        (_nodes[_graph.Pieces[piece].From], _nodes[_graph.Pieces[piece].To]);

    private (double Fraction, double DistanceKm) Project(int piece, double x, double y)
    {
        var (a, b) = Ends(piece);
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((x - a.X) * dx + (y - a.Y) * dy) / lengthSquared, 0, 1);
        var px = a.X + dx * t - x;
        var py = a.Y + dy * t - y;
        return (t, Math.Sqrt(px * px + py * py));
    }

    /// <summary>Distance from the query point to a piece, in the same km plane as the index's boxes.</summary>
    private sealed class PieceDistance(RoadSnapper snapper, double x, double y) : IItemDistance<Envelope, int>
    {
        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2)
        {
            var piece = item1.Item >= 0 ? item1.Item : item2.Item;
            return snapper.Project(piece, x, y).DistanceKm;
        }
    }
}
