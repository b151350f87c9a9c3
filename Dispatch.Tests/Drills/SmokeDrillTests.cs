using System.Text.Json;
using Dispatch.Api.Security;
using Dispatch.Grains.Regions;
using Dispatch.Simulator.Drills;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Drills;

/// <summary>
/// CI's drill: the shipped smoke scenario (40 drill minutes of calls, every kind, a diversion) run
/// against the engine through its public gRPC API, as dispatch-sim runs it. Nothing may be lost or
/// duplicated, every call must close, and the report must be complete.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class SmokeDrillTests(RealTimeEngineFixture engine) : IClassFixture<RealTimeEngineFixture>
{
    [Fact]
    public async Task TheSmokeDrill_LosesNothing_ClosesEveryCall_AndWritesACompleteReport()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios", "smoke.json"));
        var region = RegionLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "samples", "regions", "sample-city.geojson"));
        var progress = new StringWriter();
        var folder = Path.Combine(AppContext.BaseDirectory, "drill-reports", $"smoke-{Guid.NewGuid():N}");

        var result = await new DrillRunner(scenario, region, engine.Address, new AuthOptions(), TimeProvider.System, progress).Run(CancellationToken.None);
        await DrillReport.Write(result, folder);
        var problems = string.Join('\n', result.Problems);

        Assert.True(result.Calls >= 10, $"only {result.Calls} calls");
        Assert.Equal(result.Calls, result.CallsClosed);
        Assert.True((result.Lost, result.Duplicated, result.Failures) == (0, 0, 0), $"lost {result.Lost}, duplicated {result.Duplicated}, failures {result.Failures}\n{problems}");
        Assert.Empty(result.Problems);
        Assert.Empty(result.InvariantViolations);
        Assert.Equal(result.Calls, result.CallToDecision.Count);
        Assert.True(result.EcgAck.Count > 0 && result.PreAlertDelivery.Count > 0);
        Assert.Equal("guideline", result.Policy);
        Assert.True(result.Clinical.StemiPatients > 0);
        Assert.Contains("calls", progress.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"));
        Assert.Contains("## The engine", markdown);
        Assert.Contains("## The patients", markdown);
        Assert.Contains("**Lost: 0**", markdown);
        foreach (var chart in new[] { "latency-call-to-decision", "latency-pre-alert", "latency-ecg-ack", "clinical-fmc-to-device", "clinical-door-to-needle", "load" })
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(folder, $"{chart}.png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.True(png.Length > 5_000, $"{chart}.png is only {png.Length} bytes");
            Assert.Contains($"({chart}.png)", markdown);
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        Assert.Equal(result.Calls, json.RootElement.GetProperty("calls").GetInt32());
    }
}
