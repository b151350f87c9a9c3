namespace Dispatch.Simulator.Drills;

/// <summary>Everything a drill measures about the engine as it runs.</summary>
public sealed class DrillMetrics
{
    /// <summary>From opening the call to the engine's answer naming the ambulance.</summary>
    public LatencyRecorder CallToDecision { get; } = new();

    /// <summary>From the engine sending a pre-alert to the centre's screen receiving it.</summary>
    public LatencyRecorder PreAlertDelivery { get; } = new();

    /// <summary>From a crew sending an ECG chunk to its acknowledgement.</summary>
    public LatencyRecorder EcgAck { get; } = new();

    public DrillCounters Counters { get; } = new();

    /// <summary>Messages the engine refused, with its reason: a drill expects none.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Refusals { get; } = new();
}
