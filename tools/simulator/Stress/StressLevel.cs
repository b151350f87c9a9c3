namespace Dispatch.Simulator.Stress;

/// <summary>One step of the ramp and what the engine did under it.</summary>
/// <param name="GpsFixesPerSecond">Fixes the GPS crews sent a second while the calls ran: one a crew, if the load generator kept up.</param>
/// <param name="CallsMetCollection">Calls during which the process collected: engine and load generator share it, so such a call waited out the pause.</param>
/// <param name="SlowestCallWithoutCollection">The slowest call no collection stopped: the engine's own tail.</param>
/// <param name="Usage">What the process spent while the level's calls ran: engine and load generator together.</param>
public sealed record StressLevel(int Ambulances, int EcgStreams, double GpsFixesPerSecond, int Calls, int CallsMetCollection, TimeSpan SlowestCallWithoutCollection, Drills.LatencySummary CallToDecision, Drills.LatencySummary EcgAck,
    long EcgSent, long EcgLost, int Failures, ProcessUsage Usage)
{
    public const double DecisionP99TargetMs = 50;

    public bool Held => CallToDecision.P99 <= DecisionP99TargetMs && EcgLost == 0 && Failures == 0;
}
