using Dispatch.Simulator.Stress;

namespace Dispatch.Tests.Drills;

/// <summary>The ceiling's ratio is the median of the alternated rounds', so one slow stretch of a shared machine does not decide it.</summary>
public sealed class IngestCeilingTests
{
    [Fact]
    public void Ratio_IsTheMedianOfTheRoundsRatios_NotSwayedByOneSlowSinkRound()
    {
        // Round 2's sink met a slow stretch: half its usual throughput at twice the CPU a chunk.
        var ceiling = new IngestCeiling(
            Sink: [Round(30_000, 60), Round(15_000, 120), Round(30_000, 60)],
            Engine: [Round(15_000, 120), Round(15_000, 120), Round(16_500, 120)]);

        Assert.Equal([0.5, 1.0, 0.55], ceiling.RoundRatios, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(0.55, ceiling.Ratio, 9);
        Assert.Equal(0.5, ceiling.CpuRatio, 9);
        Assert.Equal(30_000, ceiling.SinkChunksPerSecond, 9);
        Assert.Equal(120, ceiling.EngineCpuMicrosecondsPerChunk, 9);
    }

    [Fact]
    public void Ratio_OfAnEvenNumberOfRounds_IsTheMeanOfTheMiddleTwo()
    {
        var ceiling = new IngestCeiling(
            Sink: [Round(20_000, 100), Round(20_000, 100)],
            Engine: [Round(8_000, 250), Round(12_000, 160)]);

        Assert.Equal(0.5, ceiling.Ratio, 9);
    }

    /// <summary>A 10 s round at the given chunks a second and CPU a chunk.</summary>
    private static IngestMeasurement Round(double chunksPerSecond, double cpuMicrosecondsPerChunk)
    {
        var chunks = (long)(chunksPerSecond * 10);
        return new IngestMeasurement(chunks, new ProcessUsage(TimeSpan.FromSeconds(10), TimeSpan.FromMicroseconds(chunks * cpuMicrosecondsPerChunk), 0, 0, TimeSpan.Zero));
    }
}
