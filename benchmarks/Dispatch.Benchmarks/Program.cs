using BenchmarkDotNet.Running;
using Dispatch.Benchmarks.Routing;

namespace Dispatch.Benchmarks;

public static class Program
{
    /// <summary>
    /// `-- decision-latency` prints per-decision percentiles; anything else goes to BenchmarkDotNet
    /// (for example `-- --filter '*DestinationDecision*'`).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["decision-latency", ..])
        {
            DecisionLatencyProbe.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
