namespace Dispatch.Simulator.Stress;

/// <summary>
/// ECG chunks acknowledged flat out over a stretch of time, and what the process spent on them.
/// Throughput moves with whatever else the machine runs; CPU per chunk does not, so both are reported.
/// </summary>
public sealed record IngestMeasurement(long Chunks, ProcessUsage Usage)
{
    public double ChunksPerSecond => Chunks / Usage.Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerChunk => Chunks == 0 ? double.NaN : Usage.Cpu.TotalMicroseconds / Chunks;
}
