using Dispatch.Contracts.Geo;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// A compact directed road graph: node positions, the pieces they came from, and forward and
/// reverse adjacency in CSR arrays with each edge's piece index, so that weights can change
/// (closures, congestion) without rebuilding the structure.
/// </summary>
public sealed class RoadGraph
{
    internal RoadGraph(GeoPoint[] nodes, RoadPiece[] pieces)
    {
        Nodes = nodes;
        Pieces = pieces;
        Forward = Adjacency.Build(nodes.Length, pieces, reverse: false);
        Reverse = Adjacency.Build(nodes.Length, pieces, reverse: true);
    }

    public IReadOnlyList<GeoPoint> Nodes { get; }

    public IReadOnlyList<RoadPiece> Pieces { get; }

    /// <summary>Edges leaving each node.</summary>
    internal Adjacency Forward { get; }

    /// <summary>Edges entering each node, for trees of travel time towards a target.</summary>
    internal Adjacency Reverse { get; }

    public int NodeCount => Nodes.Count;

    /// <summary>Base travel seconds of every piece: the weights before road conditions.</summary>
    public double[] BaseSeconds() => [.. Pieces.Select(p => p.Seconds)];
}
