namespace Dispatch.Simulator.Stress;

/// <summary>The stress run: the engine's ECG ingest against the bare ceiling, the latency floor, and the ramp.</summary>
/// <param name="LatencyFloor">The ramp's top level against the bare sink.</param>
public sealed record StressResult(IngestCeiling Ingest, StressLevel LatencyFloor, IReadOnlyList<StressLevel> Levels)
{
    public StressLevel? MostSustained => Levels.LastOrDefault(l => l.Held);

    /// <summary>The engine's level at the latency floor's load, if the ramp got that far.</summary>
    public StressLevel? AtFloorLoad => Levels.LastOrDefault(l => l.Ambulances == LatencyFloor.Ambulances && l.EcgStreams == LatencyFloor.EcgStreams);
}
