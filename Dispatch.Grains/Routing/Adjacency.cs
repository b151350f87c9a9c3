using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Compressed sparse rows: the edges of node n are <c>Targets[Offsets[n]..Offsets[n+1]]</c>,
/// each with the piece whose weight it uses.
/// </summary>
internal sealed class Adjacency
{
    private Adjacency(int[] offsets, int[] targets, int[] pieces)
    {
        Offsets = offsets;
        Targets = targets;
        PieceOf = pieces;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public int[] PieceOf { get; }

    public static Adjacency Build(int nodeCount, RoadPiece[] pieces, bool reverse)
    {
        var edges = new List<(int From, int To, int Piece)>(pieces.Length * 2);
        for (var i = 0; i < pieces.Length; i++)
        {
            var p = pieces[i];
            edges.Add(reverse ? (p.To, p.From, i) : (p.From, p.To, i));
            if (!p.OneWay)
            {
                edges.Add(reverse ? (p.From, p.To, i) : (p.To, p.From, i));
            }
        }

        var offsets = new int[nodeCount + 1];
        foreach (var e in edges)
        {
            offsets[e.From + 1]++;
        }

        for (var n = 0; n < nodeCount; n++)
        {
            offsets[n + 1] += offsets[n];
        }

        var targets = new int[edges.Count];
        var pieceOf = new int[edges.Count];
        var next = (int[])offsets.Clone();
        foreach (var e in edges)
        {
            var slot = next[e.From]++;
            targets[slot] = e.To;
            pieceOf[slot] = e.Piece;
        }

        return new Adjacency(offsets, targets, pieceOf);
    }
}
