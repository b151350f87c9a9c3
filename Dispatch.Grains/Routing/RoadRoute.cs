using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Routing;

/// <summary>
/// The fastest way by road between two places, as the nodes to drive through and the seconds to
/// reach each: what a drill's ambulances follow to send GPS fixes along real roads (the engine
/// itself never needs a path, only travel times).
/// </summary>
public sealed class RoadRoute
{
    private RoadRoute(IReadOnlyList<GeoPoint> points, IReadOnlyList<double> seconds) => (Points, Seconds) = (points, seconds);

    public IReadOnlyList<GeoPoint> Points { get; }

    /// <summary>Seconds from the start to each point.</summary>
    public IReadOnlyList<double> Seconds { get; }

    public double TotalSeconds => Seconds.Count == 0 ? 0 : Seconds[^1];

    /// <summary>Where the vehicle is after <paramref name="elapsed"/> seconds on the route.</summary>
    public GeoPoint At(double elapsed)
    {
        if (Points.Count == 1 || elapsed <= 0)
        {
            return Points[0];
        }

        for (var i = 1; i < Points.Count; i++)
        {
            if (elapsed <= Seconds[i])
            {
                var span = Seconds[i] - Seconds[i - 1];
                var f = span <= 0 ? 1 : (elapsed - Seconds[i - 1]) / span;
                return new GeoPoint(Points[i - 1].Latitude + f * (Points[i].Latitude - Points[i - 1].Latitude),
                    Points[i - 1].Longitude + f * (Points[i].Longitude - Points[i - 1].Longitude));
            }
        }

        return Points[^1];
    }

    /// <summary>Dijkstra from the node nearest <paramref name="from"/> to the node nearest <paramref name="to"/>; a straight line when no road joins them.</summary>
    public static RoadRoute Between(RoadGraph graph, GeoPoint from, GeoPoint to)
    {
        if (graph.NodeCount == 0)
        {
            return Straight(from, to);
        }

        var (start, goal) = (Nearest(graph, from), Nearest(graph, to));
        var best = new double[graph.NodeCount];
        var previous = new int[graph.NodeCount];
        Array.Fill(best, double.PositiveInfinity);
        Array.Fill(previous, -1);
        best[start] = 0;
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(start, 0);
        var forward = graph.Forward;
        while (queue.TryDequeue(out var node, out var cost))
        {
            if (node == goal)
            {
                break;
            }

            if (cost > best[node])
            {
                continue;
            }

            for (var e = forward.Offsets[node]; e < forward.Offsets[node + 1]; e++)
            {
                var next = forward.Targets[e];
                var through = cost + graph.Pieces[forward.PieceOf[e]].Seconds;
                if (through < best[next])
                {
                    (best[next], previous[next]) = (through, node);
                    queue.Enqueue(next, through);
                }
            }
        }

        if (double.IsPositiveInfinity(best[goal]))
        {
            return Straight(from, to);
        }

        var nodes = new List<int>();
        for (var n = goal; n != -1; n = previous[n])
        {
            nodes.Add(n);
        }

        nodes.Reverse();
        return new RoadRoute([.. nodes.Select(n => graph.Nodes[n])], [.. nodes.Select(n => best[n])]);
    }

    /// <summary>Off the road network (or with none): at 40 km/h in a straight line.</summary>
    private static RoadRoute Straight(GeoPoint from, GeoPoint to) => new([from, to], [0, Haversine.Km(from, to) / 40 * 3600]);

    private static int Nearest(RoadGraph graph, GeoPoint place)
    {
        var (best, distance) = (0, double.MaxValue);
        for (var i = 0; i < graph.NodeCount; i++)
        {
            var d = Haversine.Km(place, graph.Nodes[i]);
            if (d < distance)
            {
                (best, distance) = (i, d);
            }
        }

        return best;
    }
}
