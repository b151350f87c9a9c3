namespace Dispatch.Simulator.Drills;

/// <summary>
/// A drill: which region, how long, how many incidents and of what kind, how the hospitals behave,
/// and how fast the clock runs. Read from JSON (docs/simulator.md); <see cref="ScenarioLoader"/> checks it.
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The region file, relative to the scenario file; the bundled sample region when absent.</summary>
    public string? Region { get; init; }

    public double DurationMinutes { get; init; }

    /// <summary>How fast drill time runs: 1 is real time, 60 is a drill hour per real minute.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Local hour of day the drill starts at, for the time-of-day curve.</summary>
    public double StartHour { get; init; } = 8;

    public double IncidentsPerHour { get; init; }

    /// <summary>24 relative weights, one per hour of the day; absent: the same every hour.</summary>
    public double[]? HourlyCurve { get; init; }

    public CaseMix CaseMix { get; init; } = new();

    public FleetPlan Fleet { get; init; } = new();

    public HospitalBehaviour Hospitals { get; init; } = new();

    /// <summary>The same seed gives the same incidents, so two policies can face the same night.</summary>
    public int Seed { get; init; } = 1;
}
