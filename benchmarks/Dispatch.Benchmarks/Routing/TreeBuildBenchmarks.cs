using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dispatch.Grains.Regions.Generation;
using Dispatch.Grains.Routing;

namespace Dispatch.Benchmarks.Routing;

/// <summary>Rebuilding every hospital and station tree of the large region, as a road closure does.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TreeBuildBenchmarks
{
    private RoutingEngine _engine = null!;

    [GlobalSetup]
    public void Setup() => _engine = new RoutingEngine(RegionGenerator.Generate(RegionGeneratorOptions.Large()),
        new DestinationPolicyOptions(), TimeProvider.System);

    [Benchmark]
    public TimeSpan RebuildAllTrees() => _engine.SetConditions([], _engine.ConditionsVersion);
}
