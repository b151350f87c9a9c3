namespace Dispatch.Simulator.Stress;

/// <summary>
/// ECG chunks acknowledged flat out over a stretch of time, and the process CPU they took. Throughput
/// moves with whatever else the machine runs; CPU per chunk does not, so both are reported.
/// </summary>
/// <param name="GcPaused">How long the GC held the process still in that stretch.</param>
public sealed record IngestMeasurement(long Chunks, TimeSpan Elapsed, TimeSpan Cpu, int Gen0Collections, int Gen2Collections, TimeSpan GcPaused)
{
    public double ChunksPerSecond => Chunks / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerChunk => Chunks == 0 ? double.NaN : Cpu.TotalMicroseconds / Chunks;

    public double GcPausedShare => GcPaused / Elapsed;
}
