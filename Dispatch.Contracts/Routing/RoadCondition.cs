using System.Collections.Immutable;
using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Routing;

/// <summary>
/// A change to driving conditions inside a polygon: a closure (<see cref="Factor"/> = +∞) or
/// congestion (travel times multiplied by <see cref="Factor"/>), optionally only between two local
/// hours of the day (for example 7 to 9 for the morning rush; from &gt; to wraps past midnight).
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.RoadCondition")]
public sealed record RoadCondition(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<GeoPoint> Area,
    [property: Id(2)] double Factor,
    [property: Id(3)] double? FromHour = null,
    [property: Id(4)] double? ToHour = null)
{
    public bool IsClosure => double.IsPositiveInfinity(Factor);

    public bool IsActiveAt(double localHour) =>
        FromHour is not { } from || ToHour is not { } to ||
        (from <= to ? localHour >= from && localHour < to : localHour >= from || localHour < to);
}
