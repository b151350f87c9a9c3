using Dispatch.Contracts.Routing;
using Dispatch.Grains.Routing;

namespace Dispatch.Tests.Routing;

/// <summary>
/// Travel time the slow, obvious way: split the road pieces at both snapped points, add the two
/// places as nodes, and run a plain Dijkstra over the whole network.
/// </summary>
internal static class BruteForceRouting
{
    public static double Minutes(RoadGraph graph, double[] pieceSeconds, SnappedLocation from, SnappedLocation to)
    {
        var n = graph.NodeCount;
        var source = n;
        var target = n + 1;
        var edges = new List<(int From, int To, double Seconds)>();
        var splits = new Dictionary<int, List<(double Fraction, int Node, double Access, bool IsSource)>>();
        var next = n + 2;
        foreach (var (at, isSource) in new[] { (from, true), (to, false) })
        {
            if (!splits.TryGetValue(at.Piece, out var list))
            {
                splits[at.Piece] = list = [];
            }

            list.Add((at.Fraction, next++, at.AccessSeconds, isSource));
        }

        for (var i = 0; i < graph.Pieces.Count; i++)
        {
            var piece = graph.Pieces[i];
            var chain = new List<(double Fraction, int Node)> { (0, piece.From) };
            if (splits.TryGetValue(i, out var points))
            {
                chain.AddRange(points.OrderBy(p => p.Fraction).Select(p => (p.Fraction, p.Node)));
            }

            chain.Add((1, piece.To));
            for (var k = 1; k < chain.Count; k++)
            {
                var part = chain[k].Fraction - chain[k - 1].Fraction;
                var seconds = part == 0 ? 0 : part * pieceSeconds[i];
                edges.Add((chain[k - 1].Node, chain[k].Node, seconds));
                if (!piece.OneWay)
                {
                    edges.Add((chain[k].Node, chain[k - 1].Node, seconds));
                }
            }
        }

        foreach (var (_, list) in splits)
        {
            foreach (var p in list)
            {
                edges.Add(p.IsSource ? (source, p.Node, p.Access) : (p.Node, target, p.Access));
            }
        }

        var distance = Enumerable.Repeat(double.PositiveInfinity, next).ToArray();
        distance[source] = 0;
        var done = new bool[next];
        var outgoing = edges.ToLookup(e => e.From);
        for (var round = 0; round < next; round++)
        {
            var u = -1;
            for (var v = 0; v < next; v++)
            {
                if (!done[v] && (u < 0 || distance[v] < distance[u]))
                {
                    u = v;
                }
            }

            if (u < 0 || double.IsPositiveInfinity(distance[u]))
            {
                break;
            }

            done[u] = true;
            foreach (var e in outgoing[u])
            {
                distance[e.To] = Math.Min(distance[e.To], distance[u] + e.Seconds);
            }
        }

        return distance[target] / 60;
    }
}
