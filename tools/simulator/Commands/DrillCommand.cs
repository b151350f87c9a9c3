using Dispatch.Api.Security;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Silo.Hosting;
using Dispatch.Simulator.Drills;

namespace Dispatch.Simulator.Commands;

/// <summary>drill: runs a scenario against an engine through its gRPC API and writes a report folder.</summary>
public sealed class DrillCommand : ISimulatorCommand
{
    public string Name => "drill";

    public string Summary =>
        "--scenario FILE [--engine URL[,URL...] [--compare-engine URL]] [--out DIR] [--region FILE] [--signing-key KEY]: run a drill, write a report " +
        "(no --engine: runs the engine itself, once with the guideline policy and once with naive-nearest, and compares them)";

    public async Task<int> Run(CommandOptions options, TextWriter output, CancellationToken stop)
    {
        var scenarioPath = options.Required("scenario");
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(scenarioPath);
        }
        catch (ScenarioException e)
        {
            throw new CommandLineException(e.Message);
        }

        var regionPath = options.Get("region") ?? RegionPath(scenario, scenarioPath);
        var region = RegionLoader.LoadFile(regionPath);
        var auth = new AuthOptions { SigningKey = options.Get("signing-key") ?? AuthOptions.DevelopmentSigningKey };
        var folder = options.Get("out") ?? Path.Combine("reports", $"{Path.GetFileNameWithoutExtension(scenarioPath)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        var runs = new List<(string Policy, DrillResult Result)>();
        if (options.Get("engine") is { } engine)
        {
            runs.Add(await Drill(scenario, region, [.. engine.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => new Uri(e))], auth, output, stop));
            if (options.Get("compare-engine") is { } other)
            {
                runs.Add(await Drill(scenario, region, [new Uri(other)], auth, output, stop));
            }
        }
        else
        {
            // The same calls, replayed on a fresh engine per policy.
            foreach (var policy in new[] { DestinationPolicy.Name, NaiveNearestPolicy.Name })
            {
                await using var embedded = await EmbeddedEngine.Start(regionPath, policy);
                await output.WriteLineAsync($"engine with the {policy} policy on {embedded.Address}");
                runs.Add(await Drill(scenario, region, [embedded.Address], new AuthOptions(), output, stop));
            }
        }

        if (runs.Count == 1)
        {
            await DrillReport.Write(runs[0].Result, folder);
        }
        else
        {
            await ComparisonReport.Write(runs, folder);
            await output.WriteAsync(ComparisonReport.Markdown(runs));
        }

        await output.WriteLineAsync($"report: {Path.Combine(folder, "report.md")}");
        return runs.All(r => r.Result.Lost == 0 && r.Result.Duplicated == 0 && r.Result.Failures == 0 && r.Result.InvariantViolations.Count == 0) ? 0 : 1;
    }

    private static async Task<(string Policy, DrillResult Result)> Drill(Scenario scenario, Region region, IReadOnlyList<Uri> engines, AuthOptions auth, TextWriter output,
        CancellationToken stop)
    {
        await output.WriteLineAsync($"drill '{scenario.Name}' against {string.Join(", ", engines)} ({scenario.DurationMinutes} drill minutes at {scenario.Speed}x)");
        var result = await new DrillRunner(scenario, region, engines, auth, TimeProvider.System, output).Run(stop);
        return (result.Policy, result);
    }

    /// <summary>The scenario's region beside the scenario file, or the bundled sample region the engine itself defaults to.</summary>
    private static string RegionPath(Scenario scenario, string scenarioPath) =>
        scenario.Region is { } relative
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!, relative)
            : DispatchOptions.SampleRegionPath;
}
