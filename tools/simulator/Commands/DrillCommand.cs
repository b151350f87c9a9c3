using Dispatch.Api.Security;
using Dispatch.Grains.Regions;
using Dispatch.Simulator.Drills;

namespace Dispatch.Simulator.Commands;

/// <summary>drill: runs a scenario against an engine through its gRPC API and writes a report folder.</summary>
public sealed class DrillCommand : ISimulatorCommand
{
    public string Name => "drill";

    public string Summary => "--scenario FILE [--engine URL] [--out DIR] [--region FILE] [--signing-key KEY]: run a drill, write a report";

    public async Task<int> Run(CommandOptions options, TextWriter output)
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

        var region = RegionLoader.LoadFile(options.Get("region") ?? RegionPath(scenario, scenarioPath));
        var engine = new Uri(options.Get("engine") ?? "http://127.0.0.1:5080");
        var auth = new AuthOptions { SigningKey = options.Get("signing-key") ?? AuthOptions.DevelopmentSigningKey };
        var folder = options.Get("out") ?? Path.Combine("reports", $"{Path.GetFileNameWithoutExtension(scenarioPath)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        await output.WriteLineAsync($"drill '{scenario.Name}' against {engine} ({scenario.DurationMinutes} drill minutes at {scenario.Speed}x)");
        var result = await new DrillRunner(scenario, region, engine, auth, TimeProvider.System, output).Run(CancellationToken.None);
        await DrillReport.Write(result, folder);
        await output.WriteLineAsync($"report: {Path.Combine(folder, "report.md")}");
        return result.Lost == 0 && result.Duplicated == 0 && result.Failures == 0 ? 0 : 1;
    }

    /// <summary>The scenario's region beside the scenario file, or the bundled sample region of this checkout.</summary>
    private static string RegionPath(Scenario scenario, string scenarioPath)
    {
        if (scenario.Region is { } relative)
        {
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!, relative);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", "regions", "sample-city.geojson");
            if (File.Exists(sample))
            {
                return sample;
            }
        }

        throw new CommandLineException("the scenario names no region and the bundled sample region was not found: pass --region FILE");
    }
}
