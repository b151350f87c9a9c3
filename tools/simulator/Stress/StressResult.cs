namespace Dispatch.Simulator.Stress;

/// <summary>The stress run: the bare ceiling, the engine's ECG ingest against it, and the ramp.</summary>
public sealed record StressResult(double SinkChunksPerSecond, double EngineChunksPerSecond, IReadOnlyList<StressLevel> Levels)
{
    public double IngestRatio => EngineChunksPerSecond / SinkChunksPerSecond;

    public StressLevel? MostSustained => Levels.LastOrDefault(l => l.Held);
}
