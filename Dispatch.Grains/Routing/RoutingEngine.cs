using System.Collections.Immutable;
using System.Diagnostics;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;

namespace Dispatch.Grains.Routing;

/// <summary>
/// One per process: the road graph, the current travel-time index and the policies. Road
/// conditions swap in a freshly built index; readers never see a half-built one.
/// </summary>
public sealed class RoutingEngine
{
    private readonly object _rebuildLock = new();
    private readonly TimeProvider _time;
    private volatile State _state;

    public RoutingEngine(Region region, DestinationPolicyOptions options, TimeProvider time)
    {
        Region = region;
        Options = options;
        _time = time;
        Graph = RoadGraphBuilder.FromRegion(region);
        Snapper = new RoadSnapper(Graph, options.AccessSpeedKmh);
        Policy = new DestinationPolicy(options);
        var conditions = ImmutableArray<RoadCondition>.Empty;
        _state = Build(conditions, 0, LocalHour(), out _);
    }

    public Region Region { get; }

    public DestinationPolicyOptions Options { get; }

    public RoadGraph Graph { get; }

    public RoadSnapper Snapper { get; }

    public DestinationPolicy Policy { get; }

    /// <summary>The index for the current hour's conditions (a time-of-day window opening or closing triggers a rebuild).</summary>
    public TravelTimeIndex Index
    {
        get
        {
            var state = _state;
            var hour = LocalHour();
            if (RoadConditionWeights.ActiveKey(state.Conditions, hour) == state.ActiveKey)
            {
                return state.Index;
            }

            lock (_rebuildLock)
            {
                _state = Build(_state.Conditions, _state.Version, hour, out _);
                return _state.Index;
            }
        }
    }

    public ImmutableArray<RoadCondition> Conditions => _state.Conditions;

    public long ConditionsVersion => _state.Version;

    /// <summary>Replaces the road conditions and rebuilds every tree; returns how long the rebuild took.</summary>
    public TimeSpan SetConditions(ImmutableArray<RoadCondition> conditions, long version)
    {
        lock (_rebuildLock)
        {
            _state = Build(conditions, version, LocalHour(), out var elapsed);
            return elapsed;
        }
    }

    public DestinationDecision Decide(DestinationQuery query, IReadOnlyList<HospitalSnapshot> hospitals, string policy = DestinationPolicy.Name)
    {
        var index = Index;
        var eta = index.MinutesToHospitals(Snapper.Snap(query.Location));
        return policy == NaiveNearestPolicy.Name
            ? NaiveNearestPolicy.Decide(query, hospitals, eta)
            : Policy.Decide(query, hospitals, eta);
    }

    /// <summary>The <paramref name="depth"/> ambulances nearest the scene by road, nearest first.</summary>
    public IReadOnlyList<AmbulanceCandidate> RankAmbulances(GeoPoint scene, IEnumerable<AvailableAmbulance> ambulances, int depth = int.MaxValue) =>
        AmbulanceRanking.Rank(Index, scene, Snapper.Snap(scene), ambulances, depth);

    public double MinutesToHospital(GeoPoint from, string hospitalId) => Index.MinutesToHospital(Snapper.Snap(from), hospitalId);

    /// <summary>The centres with a capability whose circle contains a place, nearest first.</summary>
    public IReadOnlyList<CentreReach> CentresCovering(GeoPoint place, Capabilities capability)
    {
        var eta = Index.MinutesToHospitals(Snapper.Snap(place));
        return [.. Region.Hospitals.Where(h => h.Can(capability))
            .Select(h => new CentreReach(h.Id, Math.Round(eta(h.Id), 2)))
            .Where(c => c.Minutes <= Options.CircleMinutes)
            .OrderBy(c => c.Minutes).ThenBy(c => c.HospitalId, StringComparer.Ordinal)];
    }

    public CoverageReport Coverage() => CoverageAnalyzer.Report(Index, Region, Options.CircleMinutes);

    public IReadOnlyList<Isochrone> Isochrones(Capabilities capability)
    {
        var index = Index;
        return [.. Region.Hospitals.Where(h => h.Can(capability)).Select(h => CoverageAnalyzer.Isochrone(index, h, Options.CircleMinutes))];
    }

    private double LocalHour()
    {
        var local = _time.GetUtcNow().ToOffset(TimeSpan.FromHours(Options.UtcOffsetHours));
        return local.TimeOfDay.TotalHours;
    }

    private State Build(ImmutableArray<RoadCondition> conditions, long version, double hour, out TimeSpan elapsed)
    {
        var started = Stopwatch.GetTimestamp();
        var weights = RoadConditionWeights.Apply(Graph, conditions, hour);
        var index = new TravelTimeIndex(Graph, Snapper, Region.Hospitals, Region.Stations, weights);
        elapsed = Stopwatch.GetElapsedTime(started);
        return new State(index, conditions, RoadConditionWeights.ActiveKey(conditions, hour), version);
    }

    private sealed record State(TravelTimeIndex Index, ImmutableArray<RoadCondition> Conditions, string ActiveKey, long Version);
}
