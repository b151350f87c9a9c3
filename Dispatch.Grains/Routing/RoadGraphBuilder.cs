using Dispatch.Contracts.Geo;
using Dispatch.Grains.Regions;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>Builds a <see cref="RoadGraph"/>; vertices at identical positions become one node, which is how roads join.</summary>
public sealed class RoadGraphBuilder
{
    private readonly Dictionary<GeoPoint, int> _nodeIds = [];
    private readonly List<GeoPoint> _nodes = [];
    private readonly List<RoadPiece> _pieces = [];

    public static RoadGraph FromRegion(Region region)
    {
        var builder = new RoadGraphBuilder();
        foreach (var road in region.Roads)
        {
            builder.AddPolyline(road.Points, road.SpeedKmh, road.OneWay);
        }

        return builder.Build();
    }

    public void AddPolyline(IReadOnlyList<GeoPoint> points, double speedKmh, bool oneWay)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var from = Node(points[i - 1]);
            var to = Node(points[i]);
            if (from != to)
            {
                _pieces.Add(new RoadPiece(from, to, Haversine.Km(points[i - 1], points[i]), speedKmh, oneWay));
            }
        }
    }

    public RoadGraph Build() => new([.. _nodes], [.. _pieces]);

    private int Node(GeoPoint point)
    {
        if (!_nodeIds.TryGetValue(point, out var id))
        {
            id = _nodes.Count;
            _nodeIds.Add(point, id);
            _nodes.Add(point);
        }

        return id;
    }
}
