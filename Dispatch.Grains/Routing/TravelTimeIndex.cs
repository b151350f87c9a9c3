using System.Collections.Frozen;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Regions;

using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Precomputed shortest-time trees: for every hospital the seconds from each node to it, for
/// every station the seconds from it to each node. A query is a snap plus one lookup per
/// candidate. Immutable: road changes build a new index (<see cref="RoutingEngine"/> swaps it).
/// </summary>
public sealed class TravelTimeIndex
{
    private readonly FrozenDictionary<string, Target> _hospitals;
    private readonly FrozenDictionary<string, Target> _stations;

    public TravelTimeIndex(RoadGraph graph, RoadSnapper snapper, IReadOnlyList<HospitalProfile> hospitals,
        IReadOnlyList<AmbulanceStation> stations, double[] pieceSeconds)
    {
        Graph = graph;
        Snapper = snapper;
        PieceSeconds = pieceSeconds;
        var hospitalTrees = new Target[hospitals.Count];
        var stationTrees = new Target[stations.Count];
        Parallel.For(0, hospitals.Count + stations.Count, i =>
        {
            if (i < hospitals.Count)
            {
                var at = snapper.Snap(hospitals[i].Location);
                hospitalTrees[i] = new Target(at, ShortestTimeTree.Build(graph, pieceSeconds, true, RoadLegs.Entries(graph, pieceSeconds, at).ToArray()));
            }
            else
            {
                var at = snapper.Snap(stations[i - hospitals.Count].Location);
                stationTrees[i - hospitals.Count] = new Target(at, ShortestTimeTree.Build(graph, pieceSeconds, false, RoadLegs.Exits(graph, pieceSeconds, at).ToArray()));
            }
        });
        _hospitals = hospitals.Select((h, i) => (h.Id, hospitalTrees[i])).ToFrozenDictionary(p => p.Id, p => p.Item2, StringComparer.Ordinal);
        _stations = stations.Select((s, i) => (s.Id, stationTrees[i])).ToFrozenDictionary(p => p.Id, p => p.Item2, StringComparer.Ordinal);
    }

    public RoadGraph Graph { get; }

    public RoadSnapper Snapper { get; }

    /// <summary>The piece weights the trees were built with.</summary>
    public double[] PieceSeconds { get; }

    /// <summary>
    /// The fewest seconds any kilometre of a journey takes (the fastest road under today's
    /// conditions, or the access leg if that is faster): distance as the crow flies times this is a
    /// lower bound on any ETA, which lets a ranking skip vehicles that cannot be among the nearest.
    /// </summary>
    public double FewestSecondsPerKm => _fewestSecondsPerKm ??= Math.Min(3600 / Snapper.AccessSpeedKmh,
        Graph.Pieces.Select((piece, i) => piece.LengthKm > 0 ? PieceSeconds[i] / piece.LengthKm : double.PositiveInfinity).Min());

    private double? _fewestSecondsPerKm;

    public int TreeCount => _hospitals.Count + _stations.Count;

    /// <summary>Minutes from a snapped place to a hospital's door; +∞ when no road leads there.</summary>
    public double MinutesToHospital(SnappedLocation from, string hospitalId) => MinutesToHospitals(from)(hospitalId);

    /// <summary>ETAs from one place to any hospital: the place's exits are worked out once, then each hospital is a lookup.</summary>
    public Func<string, double> MinutesToHospitals(SnappedLocation from)
    {
        var exits = RoadLegs.Exits(Graph, PieceSeconds, from);
        return hospitalId =>
        {
            var target = _hospitals[hospitalId];
            return Math.Min(RoadLegs.ThroughTreeTo(exits, target.Tree), RoadLegs.Direct(Graph, PieceSeconds, from, target.At)) / 60;
        };
    }

    /// <summary>Minutes from a station to a snapped place.</summary>
    public double MinutesFromStation(string stationId, SnappedLocation to)
    {
        var source = _stations[stationId];
        var seconds = Math.Min(
            RoadLegs.ThroughTreeFrom(source.Tree, RoadLegs.Entries(Graph, PieceSeconds, to)),
            RoadLegs.Direct(Graph, PieceSeconds, source.At, to));
        return seconds / 60;
    }

    /// <summary>Seconds from every node to a hospital (the tree itself), for isochrones and coverage.</summary>
    public ReadOnlySpan<float> SecondsFromEveryNodeTo(string hospitalId) => _hospitals[hospitalId].Tree;

    public SnappedLocation HospitalLocation(string hospitalId) => _hospitals[hospitalId].At;

    /// <summary>A one-off tree towards a place, for vehicles that are not at a station.</summary>
    public Func<SnappedLocation, double> MinutesToPlace(SnappedLocation place)
    {
        var tree = ShortestTimeTree.Build(Graph, PieceSeconds, true, RoadLegs.Entries(Graph, PieceSeconds, place).ToArray());
        return from => Math.Min(
            RoadLegs.ThroughTreeTo(RoadLegs.Exits(Graph, PieceSeconds, from), tree),
            RoadLegs.Direct(Graph, PieceSeconds, from, place)) / 60;
    }

    /// <summary>A one-off tree from a place, for the on-demand baseline.</summary>
    public float[] TreeFrom(SnappedLocation from) =>
        ShortestTimeTree.Build(Graph, PieceSeconds, false, RoadLegs.Exits(Graph, PieceSeconds, from).ToArray());

    public double MinutesThroughTreeFrom(float[] treeFrom, SnappedLocation to) =>
        RoadLegs.ThroughTreeFrom(treeFrom, RoadLegs.Entries(Graph, PieceSeconds, to)) / 60;

    private sealed record Target(SnappedLocation At, float[] Tree);
}
