using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// How a snapped place joins the graph: the nodes a vehicle can drive to from it (exits) and
/// the nodes from which it can be reached (entries), each with the partial-piece and access time.
/// </summary>
internal static class RoadLegs
{
    public static (int Node, double Seconds)[] Exits(RoadGraph graph, double[] pieceSeconds, SnappedLocation at)
    {
        var piece = graph.Pieces[at.Piece];
        var w = pieceSeconds[at.Piece];
        return piece.OneWay
            ? [(piece.To, at.AccessSeconds + Part(1 - at.Fraction, w))]
            : [(piece.To, at.AccessSeconds + Part(1 - at.Fraction, w)), (piece.From, at.AccessSeconds + Part(at.Fraction, w))];
    }

    public static (int Node, double Seconds)[] Entries(RoadGraph graph, double[] pieceSeconds, SnappedLocation at)
    {
        var piece = graph.Pieces[at.Piece];
        var w = pieceSeconds[at.Piece];
        return piece.OneWay
            ? [(piece.From, at.AccessSeconds + Part(at.Fraction, w))]
            : [(piece.From, at.AccessSeconds + Part(at.Fraction, w)), (piece.To, at.AccessSeconds + Part(1 - at.Fraction, w))];
    }

    /// <summary>Driving straight along a shared piece, when both places snap onto the same one.</summary>
    public static double Direct(RoadGraph graph, double[] pieceSeconds, SnappedLocation from, SnappedLocation to)
    {
        if (from.Piece != to.Piece)
        {
            return double.PositiveInfinity;
        }

        var forward = to.Fraction >= from.Fraction;
        if (!forward && graph.Pieces[from.Piece].OneWay)
        {
            return double.PositiveInfinity;
        }

        return from.AccessSeconds + Part(Math.Abs(to.Fraction - from.Fraction), pieceSeconds[from.Piece]) + to.AccessSeconds;
    }

    /// <summary>
    /// Time for a fraction of a piece. Standing exactly on a node of a closed piece (weight +∞)
    /// costs nothing to leave by that node, where 0 × ∞ would be NaN.
    /// </summary>
    private static double Part(double fraction, double pieceSeconds) => fraction == 0 ? 0 : fraction * pieceSeconds;

    /// <summary>Seconds from a place to the tree's target, given the tree of seconds from every node to it.</summary>
    public static double ThroughTreeTo(RoadGraph graph, double[] pieceSeconds, SnappedLocation from, float[] treeTo)
    {
        var best = double.PositiveInfinity;
        foreach (var (node, seconds) in Exits(graph, pieceSeconds, from))
        {
            best = Math.Min(best, seconds + treeTo[node]);
        }

        return best;
    }

    /// <summary>Seconds from the tree's source to a place, given the tree of seconds from it to every node.</summary>
    public static double ThroughTreeFrom(RoadGraph graph, double[] pieceSeconds, float[] treeFrom, SnappedLocation to)
    {
        var best = double.PositiveInfinity;
        foreach (var (node, seconds) in Entries(graph, pieceSeconds, to))
        {
            best = Math.Min(best, treeFrom[node] + seconds);
        }

        return best;
    }
}
