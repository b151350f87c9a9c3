using Dispatch.Grains.Metrics;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// The engine's ECG ingest against bare gRPC, measured in alternated rounds (sink, engine, sink,
/// engine...) so that both meet the same stretches of a shared machine: the sink's own cost a
/// chunk moved by nearly half between runs, and with one round each, one slow stretch decided the
/// ratio. Each ratio is the median of the rounds' ratios.
/// </summary>
public sealed record IngestCeiling(IReadOnlyList<IngestMeasurement> Sink, IReadOnlyList<IngestMeasurement> Engine)
{
    /// <summary>Each round's engine chunks per second against the sink's in the round before it.</summary>
    public IReadOnlyList<double> RoundRatios => [.. Sink.Zip(Engine, RoundRatio)];

    /// <summary>Each round's bare-gRPC CPU per chunk against the engine's: what the ratio is on a machine with nothing else running.</summary>
    public IReadOnlyList<double> RoundCpuRatios => [.. Sink.Zip(Engine, (s, e) => s.CpuMicrosecondsPerChunk / e.CpuMicrosecondsPerChunk)];

    public double Ratio => Median(RoundRatios);

    public double CpuRatio => Median(RoundCpuRatios);

    public double EngineChunksPerSecond => Median(Engine.Select(e => e.ChunksPerSecond));

    public double SinkChunksPerSecond => Median(Sink.Select(s => s.ChunksPerSecond));

    public double EngineCpuMicrosecondsPerChunk => Median(Engine.Select(e => e.CpuMicrosecondsPerChunk));

    public double SinkCpuMicrosecondsPerChunk => Median(Sink.Select(s => s.CpuMicrosecondsPerChunk));

    /// <summary>One round's ratio: the engine's chunks per second against the sink's.</summary>
    public static double RoundRatio(IngestMeasurement sink, IngestMeasurement engine) => engine.ChunksPerSecond / sink.ChunksPerSecond;

    private static double Median(IEnumerable<double> values) => Statistics.Median(values) ?? double.NaN;
}
