namespace Dispatch.Simulator.Drills;

/// <summary>A finished drill: the engine's latencies, what was lost or duplicated, and the clinical results.</summary>
public sealed record DrillResult(
    string Scenario,
    string Policy,
    double DrillMinutes,
    double RealSeconds,
    int Calls,
    int CallsClosed,
    LatencySummary CallToDecision,
    LatencySummary PreAlertDelivery,
    LatencySummary EcgAck,
    double EcgChunksPerSecond,
    int EcgChunksSent,
    int EcgChunksLost,
    int PreAlertsLost,
    int PreAlertsDuplicated,
    int Failures,
    IReadOnlyList<string> Problems,
    ClinicalResult Clinical,
    IReadOnlyList<LoadSample> Load,
    IReadOnlyList<double> CallToDecisionSamples,
    IReadOnlyList<double> PreAlertDeliverySamples,
    IReadOnlyList<double> EcgAckSamples,
    IReadOnlyList<string>? Violations = null)
{
    /// <summary>What <see cref="DrillInvariants"/> found wrong with the engine's record of the drill.</summary>
    public IReadOnlyList<string> InvariantViolations => Violations ?? [];

    public int Lost => EcgChunksLost + PreAlertsLost;

    public int Duplicated => PreAlertsDuplicated;
}
