namespace Dispatch.Simulator.Stress;

/// <summary>One step of the ramp and what the engine did under it.</summary>
public sealed record StressLevel(int Ambulances, int EcgStreams, int GpsFixes, int Calls, Drills.LatencySummary CallToDecision, Drills.LatencySummary EcgAck,
    long EcgSent, long EcgLost, int Failures)
{
    public const double DecisionP99TargetMs = 50;

    public bool Held => CallToDecision.P99 <= DecisionP99TargetMs && EcgLost == 0 && Failures == 0;
}
