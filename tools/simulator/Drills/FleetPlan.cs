namespace Dispatch.Simulator.Drills;

/// <summary>Which of the region's ambulances take part: all of them, or the first N.</summary>
public sealed record FleetPlan
{
    public int? Ambulances { get; init; }
}
