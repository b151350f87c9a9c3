using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Snaps a place to the nearest road piece. The spatial index is a uniform grid over the local
/// km plane (cell ≈ twice the median piece length), searched in rings outwards from the place's
/// cell until no unsearched cell can hold anything nearer. It allocates nothing per query, which
/// matters because every routing decision starts here.
/// </summary>
public sealed class RoadSnapper
{
    private readonly RoadGraph _graph;
    private readonly LocalProjection _projection;
    private readonly (double X, double Y)[] _nodes;
    private readonly double _accessSpeedKmh;
    private readonly double _cellKm;
    private readonly double _minX;
    private readonly double _minY;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _cellOffsets;
    private readonly int[] _cellPieces;

    /// <summary>The speed of the leg between a place and its road (on foot, on a track): the ranking's speed bound counts it.</summary>
    public double AccessSpeedKmh => _accessSpeedKmh;

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
        var lengths = graph.Pieces.Select(p => p.LengthKm).Order().ToArray();
        _cellKm = Math.Clamp(2 * lengths[lengths.Length / 2], 0.05, 2);
        _minX = _nodes.Min(n => n.X);
        _minY = _nodes.Min(n => n.Y);
        _columns = (int)((_nodes.Max(n => n.X) - _minX) / _cellKm) + 1;
        _rows = (int)((_nodes.Max(n => n.Y) - _minY) / _cellKm) + 1;
        (_cellOffsets, _cellPieces) = BuildCells();
    }

    public SnappedLocation Snap(GeoPoint place)
    {
        var (x, y) = _projection.ToKm(place);
        var column = Math.Clamp((int)((x - _minX) / _cellKm), 0, _columns - 1);
        var row = Math.Clamp((int)((y - _minY) / _cellKm), 0, _rows - 1);
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        var bestFraction = 0.0;
        for (var ring = 0; ring <= Math.Max(_columns, _rows); ring++)
        {
            for (var c = column - ring; c <= column + ring; c++)
            {
                for (var r = row - ring; r <= row + ring; r++)
                {
                    // Only the cells on the ring's border are new.
                    if ((c != column - ring && c != column + ring && r != row - ring && r != row + ring) ||
                        c < 0 || r < 0 || c >= _columns || r >= _rows)
                    {
                        continue;
                    }

                    var cell = r * _columns + c;
                    for (var k = _cellOffsets[cell]; k < _cellOffsets[cell + 1]; k++)
                    {
                        var piece = _cellPieces[k];
                        var (t, distance) = Project(piece, x, y);
                        if (distance < bestDistance || (distance == bestDistance && piece < best))
                        {
                            (best, bestDistance, bestFraction) = (piece, distance, t);
                        }
                    }
                }
            }

            // Every cell beyond this ring is at least ring × cell away from the place's cell.
            if (bestDistance <= ring * _cellKm)
            {
                break;
            }
        }

        var (a, b) = Ends(best);
        var onRoad = _projection.ToGeo(a.X + (b.X - a.X) * bestFraction, a.Y + (b.Y - a.Y) * bestFraction);
        return new SnappedLocation(best, bestFraction, bestDistance / _accessSpeedKmh * 3600, bestDistance, onRoad);
    }

    private (int[] Offsets, int[] Pieces) BuildCells()
    {
        var cells = new List<(int Cell, int Piece)>();
        for (var i = 0; i < _graph.Pieces.Count; i++)
        {
            var (a, b) = Ends(i);
            var (c0, c1) = ((int)((Math.Min(a.X, b.X) - _minX) / _cellKm), (int)((Math.Max(a.X, b.X) - _minX) / _cellKm));
            var (r0, r1) = ((int)((Math.Min(a.Y, b.Y) - _minY) / _cellKm), (int)((Math.Max(a.Y, b.Y) - _minY) / _cellKm));
            for (var c = c0; c <= Math.Min(c1, _columns - 1); c++)
            {
                for (var r = r0; r <= Math.Min(r1, _rows - 1); r++)
                {
                    cells.Add((r * _columns + c, i));
                }
            }
        }

        var offsets = new int[_columns * _rows + 1];
        foreach (var (cell, _) in cells)
        {
            offsets[cell + 1]++;
        }

        for (var i = 0; i < offsets.Length - 1; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var pieces = new int[cells.Count];
        var next = (int[])offsets.Clone();
        foreach (var (cell, piece) in cells)
        {
            pieces[next[cell]++] = piece;
        }

        return (offsets, pieces);
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
}
