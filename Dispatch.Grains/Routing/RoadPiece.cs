using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// One straight piece of road between two graph nodes. Travel times and snapping work on pieces;
/// a piece may be drivable in one or both directions.
/// </summary>
public readonly record struct RoadPiece(int From, int To, double LengthKm, double SpeedKmh, bool OneWay)
{
    public double Seconds => LengthKm / SpeedKmh * 3600;
}
