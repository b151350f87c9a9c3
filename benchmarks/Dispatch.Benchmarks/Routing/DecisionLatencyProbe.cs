using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Benchmarks.Routing;

/// <summary>
/// Per-decision latency percentiles (BenchmarkDotNet reports means of batches, not a p99), the
/// on-demand baseline measured in the same run, and the index's memory.
/// </summary>
public static class DecisionLatencyProbe
{
    public static void Run(TextWriter output, int decisions = 200_000, int baselineDecisions = 200)
    {
        var started = Stopwatch.GetTimestamp();
        var workload = new RoutingWorkload();
        var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var engine = workload.Engine;

        // Long enough for tiered compilation to settle, so the figures are for optimised code.
        for (var i = 0; i < 300_000; i++)
        {
            engine.Decide(workload.Queries[i % workload.Queries.Length], workload.Hospitals);
        }

        var indexed = Measure(decisions, i => engine.Decide(workload.Queries[i % workload.Queries.Length], workload.Hospitals));
        var snaps = Measure(decisions, i => engine.Snapper.Snap(workload.Queries[i % workload.Queries.Length].Location));
        var onDemand = Measure(baselineDecisions, i => workload.DecideOnDemand(workload.Queries[i % workload.Queries.Length]));
        var treeBytes = (long)engine.Index.TreeCount * engine.Graph.NodeCount * sizeof(float);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            region: {workload.Region.Hospitals.Count} hospitals, {workload.Region.Stations.Count} stations, {engine.Graph.NodeCount} road nodes, {engine.Graph.Pieces.Count} pieces
            engine start (graph + snapping index + {engine.Index.TreeCount} trees): {buildSeconds:F1} s; tree memory {treeBytes / 1048576.0:F0} MiB
            precomputed decision over {decisions} decisions: p50 {indexed.P50:F1} µs, p95 {indexed.P95:F1} µs, p99 {indexed.P99:F1} µs, max {indexed.Max:F1} µs
            of which snapping the patient to the road: p50 {snaps.P50:F1} µs, p99 {snaps.P99:F1} µs
            on-demand Dijkstra decision over {baselineDecisions} decisions: p50 {onDemand.P50:F0} µs, p99 {onDemand.P99:F0} µs
            speed-up at p50: {onDemand.P50 / indexed.P50:F0}x; at p99: {onDemand.P99 / indexed.P99:F0}x
            """));
    }

    private static (double P50, double P95, double P99, double Max) Measure(int count, Action<int> decide)
    {
        var micros = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            decide(i);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        return (micros[count / 2], micros[(int)(count * 0.95)], micros[(int)(count * 0.99)], micros[^1]);
    }
}
