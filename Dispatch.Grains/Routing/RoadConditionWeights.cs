using Dispatch.Contracts.Routing;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries;

namespace Dispatch.Grains.Routing;

/// <summary>Turns road conditions into piece weights: a piece whose midpoint lies in an active area takes its factor.</summary>
public static class RoadConditionWeights
{
    private static readonly GeometryFactory Geometry = new();

    public static double[] Apply(RoadGraph graph, IEnumerable<RoadCondition> conditions, double localHour)
    {
        var seconds = graph.BaseSeconds();
        foreach (var condition in conditions.Where(c => c.IsActiveAt(localHour)))
        {
            var area = PreparedGeometryFactory.Prepare(Polygon(condition));
            for (var i = 0; i < seconds.Length; i++)
            {
                var piece = graph.Pieces[i];
                var a = graph.Nodes[piece.From];
                var b = graph.Nodes[piece.To];
                var middle = new Point((a.Longitude + b.Longitude) / 2, (a.Latitude + b.Latitude) / 2);
                if (area.Contains(middle))
                {
                    seconds[i] *= condition.Factor;
                }
            }
        }

        return seconds;
    }

    /// <summary>Which conditions apply at an hour: the index is rebuilt only when this set changes.</summary>
    public static string ActiveKey(IEnumerable<RoadCondition> conditions, double localHour) =>
        string.Join(",", conditions.Where(c => c.IsActiveAt(localHour)).Select(c => c.Id).Order(StringComparer.Ordinal));

    public static Polygon Polygon(RoadCondition condition)
    {
        var ring = condition.Area.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToList();
        if (ring.Count > 0 && !ring[0].Equals2D(ring[^1]))
        {
            ring.Add(ring[0]);
        }

        return Geometry.CreatePolygon([.. ring]);
    }
}
