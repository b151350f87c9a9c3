using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Dijkstra over the road graph from a set of seeded nodes. Kept as one plain loop over CSR
/// arrays: the trees for every hospital and station are built from this at start-up and after
/// every road change, so it is the rebuild cost.
/// </summary>
internal static class ShortestTimeTree
{
    /// <summary>Seconds from the seeds to every node (forward) or from every node to the seeds (reverse); +∞ when unreachable.</summary>
    public static float[] Build(RoadGraph graph, double[] pieceSeconds, bool towardsSeeds, ReadOnlySpan<(int Node, double Seconds)> seeds)
    {
        var adjacency = towardsSeeds ? graph.Reverse : graph.Forward;
        var distance = new double[graph.NodeCount];
        Array.Fill(distance, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        foreach (var (node, seconds) in seeds)
        {
            if (seconds < distance[node])
            {
                distance[node] = seconds;
                queue.Enqueue(node, seconds);
            }
        }

        var offsets = adjacency.Offsets;
        var targets = adjacency.Targets;
        var pieceOf = adjacency.PieceOf;
        while (queue.TryDequeue(out var node, out var seconds))
        {
            if (seconds > distance[node])
            {
                continue;
            }

            for (var edge = offsets[node]; edge < offsets[node + 1]; edge++)
            {
                var next = targets[edge];
                var candidate = seconds + pieceSeconds[pieceOf[edge]];
                if (candidate < distance[next])
                {
                    distance[next] = candidate;
                    queue.Enqueue(next, candidate);
                }
            }
        }

        var result = new float[distance.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)distance[i];
        }

        return result;
    }
}
