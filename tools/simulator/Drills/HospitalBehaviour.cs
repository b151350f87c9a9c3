namespace Dispatch.Simulator.Drills;

/// <summary>How the receiving centres act during the drill.</summary>
public sealed record HospitalBehaviour
{
    /// <summary>A pre-alert is acknowledged after a delay drawn between these two (drill seconds).</summary>
    public double[] AckDelaySeconds { get; init; } = [30, 180];

    /// <summary>Share of each PCI centre's cath labs busy with other patients.</summary>
    public double CathLabOccupancy { get; init; }

    public IReadOnlyList<HospitalPeriod> CtOutages { get; init; } = [];

    public IReadOnlyList<HospitalPeriod> Diversions { get; init; } = [];

    /// <summary>A centre going down: every cath lab busy, CT down and on diversion.</summary>
    public IReadOnlyList<HospitalPeriod> Down { get; init; } = [];
}
