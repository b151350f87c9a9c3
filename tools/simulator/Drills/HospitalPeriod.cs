namespace Dispatch.Simulator.Drills;

/// <summary>A hospital and a stretch of drill time (minutes from the start; no end: to the end of the drill).</summary>
public sealed record HospitalPeriod
{
    public string Hospital { get; init; } = "";

    public double FromMinute { get; init; }

    public double? ToMinute { get; init; }
}
