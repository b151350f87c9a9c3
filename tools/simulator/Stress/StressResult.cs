namespace Dispatch.Simulator.Stress;

/// <summary>The stress run: the bare ceiling, the engine's ECG ingest against it, and the ramp.</summary>
public sealed record StressResult(IngestMeasurement Sink, IngestMeasurement Engine, IReadOnlyList<StressLevel> Levels)
{
    /// <summary>The engine's chunks per second against bare gRPC's, measured one after the other.</summary>
    public double IngestRatio => Engine.ChunksPerSecond / Sink.ChunksPerSecond;

    /// <summary>Bare gRPC's CPU per chunk against the engine's: what the ratio is on a machine with nothing else running.</summary>
    public double CpuRatio => Sink.CpuMicrosecondsPerChunk / Engine.CpuMicrosecondsPerChunk;

    public StressLevel? MostSustained => Levels.LastOrDefault(l => l.Held);
}
