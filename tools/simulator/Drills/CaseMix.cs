namespace Dispatch.Simulator.Drills;

/// <summary>Shares of the calls (adding up to 1), and how many strokes are large-vessel occlusions.</summary>
public sealed record CaseMix
{
    public double Stemi { get; init; } = 0.25;

    public double Stroke { get; init; } = 0.25;

    /// <summary>Of the strokes, the share with a large-vessel occlusion (a thrombectomy case).</summary>
    public double LvoShare { get; init; } = 0.3;

    public double OtherChestPain { get; init; } = 0.3;

    public double Other { get; init; } = 0.2;
}
