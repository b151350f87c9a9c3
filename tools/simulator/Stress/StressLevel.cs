namespace Dispatch.Simulator.Stress;

/// <summary>One step of the ramp and what the engine did under it.</summary>
/// <param name="CoresBusy">The process's CPU while the level's calls ran, in cores: engine and load generator together.</param>
/// <param name="GcPausedShare">The share of that time the process stood still for the GC.</param>
public sealed record StressLevel(int Ambulances, int EcgStreams, int GpsFixes, int Calls, Drills.LatencySummary CallToDecision, Drills.LatencySummary EcgAck,
    long EcgSent, long EcgLost, int Failures, double CoresBusy, double GcPausedShare)
{
    public const double DecisionP99TargetMs = 50;

    public bool Held => CallToDecision.P99 <= DecisionP99TargetMs && EcgLost == 0 && Failures == 0;
}
