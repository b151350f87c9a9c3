using BenchmarkDotNet.Attributes;
using Dispatch.Contracts.Routing;

namespace Dispatch.Benchmarks.Routing;

/// <summary>A STEMI destination decision on the large region: precomputed trees against on-demand Dijkstra.</summary>
[MemoryDiagnoser]
public class DestinationDecisionBenchmarks
{
    private RoutingWorkload _workload = null!;
    private int _next;

    [GlobalSetup]
    public void Setup() => _workload = new RoutingWorkload();

    [Benchmark(Baseline = true)]
    public DestinationDecision OnDemandDijkstra() => _workload.DecideOnDemand(NextQuery());

    [Benchmark]
    public DestinationDecision PrecomputedTrees() => _workload.Engine.Decide(NextQuery(), _workload.Hospitals);

    private DestinationQuery NextQuery() => _workload.Queries[_next++ % _workload.Queries.Length];
}
