namespace Dispatch.Grains.Routing;

/// <summary>
/// How a snapped place joins the graph: the nodes a vehicle can drive to from it (exits) and
/// the nodes from which it can be reached (entries), each with the partial-piece and access time.
/// A place has at most two of each, so they travel as a value, not an array.
/// </summary>
internal static class RoadLegs
{
    public static Legs Exits(RoadGraph graph, double[] pieceSeconds, SnappedLocation at)
    {
        var piece = graph.Pieces[at.Piece];
        var w = pieceSeconds[at.Piece];
        return new Legs(piece.To, at.AccessSeconds + Part(1 - at.Fraction, w),
            piece.OneWay ? -1 : piece.From, at.AccessSeconds + Part(at.Fraction, w));
    }

    public static Legs Entries(RoadGraph graph, double[] pieceSeconds, SnappedLocation at)
    {
        var piece = graph.Pieces[at.Piece];
        var w = pieceSeconds[at.Piece];
        return new Legs(piece.From, at.AccessSeconds + Part(at.Fraction, w),
            piece.OneWay ? -1 : piece.To, at.AccessSeconds + Part(1 - at.Fraction, w));
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

    /// <summary>Seconds from a place (by its exits) to the tree's target, given the tree of seconds from every node to it.</summary>
    public static double ThroughTreeTo(Legs exits, float[] treeTo) =>
        Math.Min(exits.Seconds1 + treeTo[exits.Node1], exits.Node2 < 0 ? double.PositiveInfinity : exits.Seconds2 + treeTo[exits.Node2]);

    /// <summary>Seconds from the tree's source to a place (by its entries), given the tree of seconds from the source to every node.</summary>
    public static double ThroughTreeFrom(float[] treeFrom, Legs entries) =>
        Math.Min(treeFrom[entries.Node1] + entries.Seconds1, entries.Node2 < 0 ? double.PositiveInfinity : treeFrom[entries.Node2] + entries.Seconds2);

    /// <summary>
    /// Time for a fraction of a piece. Standing exactly on a node of a closed piece (weight +∞)
    /// costs nothing to leave by that node, where 0 × ∞ would be NaN.
    /// </summary>
    private static double Part(double fraction, double pieceSeconds) => fraction == 0 ? 0 : fraction * pieceSeconds;
}
