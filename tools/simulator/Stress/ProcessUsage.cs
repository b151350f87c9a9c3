using System.Diagnostics;

namespace Dispatch.Simulator.Stress;

/// <summary>What this process spent over a stretch of time: CPU, collections, and the time the GC held it still.</summary>
public sealed record ProcessUsage(TimeSpan Elapsed, TimeSpan Cpu, int Gen0Collections, int Gen2Collections, TimeSpan GcPaused)
{
    /// <summary>The CPU taken, in cores.</summary>
    public double CoresBusy => Cpu / Elapsed;

    public double GcPausedShare => GcPaused / Elapsed;

    /// <summary>How long one collection held the process still, on average: what a call that meets one waits.</summary>
    public TimeSpan MeanGcPause => Gen0Collections == 0 ? TimeSpan.Zero : GcPaused / Gen0Collections;

    /// <summary>Starts a stretch: the function returned gives what was spent since.</summary>
    public static Func<ProcessUsage> Since(TimeProvider time)
    {
        var (cpu, gen0, gen2, paused, started) = (ProcessCpu(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), time.GetTimestamp());
        return () => new ProcessUsage(time.GetElapsedTime(started), ProcessCpu() - cpu,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - paused);
    }

    private static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
