using System.Collections.Concurrent;

namespace Dispatch.Simulator.Drills;

/// <summary>Collects latencies (ms) from many tasks and gives their percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _samples = [];

    public void Add(TimeSpan latency) => _samples.Add(latency.TotalMilliseconds);

    public int Count => _samples.Count;

    /// <summary>Drops what was recorded so far (a warm-up's), keeping what comes from now on.</summary>
    public void Clear() => _samples.Clear();

    public IReadOnlyList<double> Samples => [.. _samples];

    public LatencySummary Summary()
    {
        var sorted = _samples.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, At(0.5), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}
