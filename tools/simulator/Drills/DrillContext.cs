using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Routing;

namespace Dispatch.Simulator.Drills;

/// <summary>What every call of a drill shares: its people, clocks, roads and measurements.</summary>
public sealed class DrillContext(Scenario scenario, DrillCallers callers, DrillClock clock, TimeProvider time, RoadGraph roads,
    IReadOnlyDictionary<string, HospitalProfile> hospitals, IReadOnlyDictionary<string, HospitalDesk> desks, DrillMetrics metrics, string runId)
{
    public Scenario Scenario => scenario;

    public DrillCallers Callers => callers;

    public DrillClock Clock => clock;

    public TimeProvider Time => time;

    public RoadGraph Roads => roads;

    public IReadOnlyDictionary<string, HospitalProfile> Hospitals => hospitals;

    public IReadOnlyDictionary<string, HospitalDesk> Desks => desks;

    public DrillMetrics Metrics => metrics;

    public string RunId => runId;

    /// <summary>Randomness of one call, from the scenario's seed: the same call behaves the same in every run.</summary>
    public Random Random(Incident incident) => new(HashCode.Combine(scenario.Seed, incident.Number, incident.Seed));
}
