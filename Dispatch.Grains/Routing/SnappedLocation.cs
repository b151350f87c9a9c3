using Dispatch.Contracts.Geo;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// A place tied to the road network: the nearest point on piece <see cref="Piece"/>, at fraction
/// <see cref="Fraction"/> from its From node, reached from the place over
/// <see cref="AccessSeconds"/> (the leg off the road, at the access speed).
/// </summary>
public readonly record struct SnappedLocation(int Piece, double Fraction, double AccessSeconds, double DistanceKm, GeoPoint OnRoad);
