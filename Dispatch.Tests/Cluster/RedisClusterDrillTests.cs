using System.Diagnostics;
using System.Text.RegularExpressions;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Simulator.Drills;
using Dispatch.Tests.Support;
using Dispatch.Tests.Support.Processes;
using Xunit.Abstractions;

namespace Dispatch.Tests.Cluster;

/// <summary>
/// The issue's "done when": three silos on a real redis-server, the smoke drill through all of
/// them, one silo killed with SIGKILL a third of the way in. The drill must finish with every
/// call closed, nothing lost, no ambulance sent twice and every acknowledged ECG chunk stored.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed partial class RedisClusterDrillTests(ITestOutputHelper output)
{
    /// <summary>
    /// The tuned settings of docs/cluster.md in CI; Orleans' defaults measured the same way (remove the
    /// Skip), which on a loaded machine keeps the cluster degraded for up to 100 s and the test past
    /// the suite's 5 minute hang limit. The output says how fast detection and recovery were.
    /// </summary>
    [Theory]
    [InlineData("default", Skip = "Orleans' default membership: 15-100 s outage here, over the suite's hang limit; run by hand to measure (docs/cluster.md)")]
    [InlineData("tuned")]
    public async Task KillingASiloMidDrill_LosesNoCase_AssignsNoAmbulanceTwice_AndKeepsEveryAcknowledgedEcgChunk(string membership)
    {
        await using var cluster = await LocalCluster.Start(3, membership == "tuned" ? LocalCluster.TunedMembership : []);
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios", "smoke.json"));
        var region = RegionLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "samples", "regions", "sample-city.geojson"));
        var progress = new ProgressLines();

        var drill = new DrillRunner(scenario, region, [.. cluster.Silos.Select(s => s.Address)], new AuthOptions(), TimeProvider.System, progress)
            .Run(CancellationToken.None);
        var total = IncidentSchedule.Draw(scenario, region).Count;
        await Eventually.Get(() => Task.FromResult(progress.CallsOpened), opened => opened >= total / 3 || drill.IsCompleted,
            "a third of the drill's calls", TimeSpan.FromMinutes(3));
        var victim = cluster.Silos[1];
        var killed = Stopwatch.StartNew();
        await victim.Kill();
        var survivors = cluster.Silos.Where(s => s != victim).ToList();
        await Eventually.Get(() => Task.FromResult(survivors.All(s => s.Log().Contains("was declared dead", StringComparison.Ordinal))), dead => dead,
            "the survivors to declare the killed silo dead", TimeSpan.FromMinutes(3));
        var detected = killed.Elapsed;
        await Eventually.Get(() => EveryActiveCaseAnswers(cluster, survivors[0]), all => all, "every active case to answer again", TimeSpan.FromMinutes(3));
        output.WriteLine($"{membership} membership: killed silo {victim.Id} at {progress.CallsOpened}/{total} calls; declared dead by both survivors " +
            $"{detected.TotalSeconds:F1} s later; every active case answering {killed.Elapsed.TotalSeconds:F1} s after the kill");

        var result = await drill;
        output.WriteLine(progress.Text);
        var problems = string.Join('\n', [.. result.Problems, .. result.InvariantViolations]);
        Assert.True(drill.IsCompletedSuccessfully);
        Assert.True(result.Calls >= 10, $"only {result.Calls} calls");
        Assert.Equal(result.Calls, result.CallsClosed);
        Assert.Empty(result.InvariantViolations);
        Assert.True((result.EcgChunksLost, result.Duplicated) == (0, 0), $"ECG chunks lost {result.EcgChunksLost}, pre-alerts duplicated {result.Duplicated}\n{problems}");

        // Every pre-alert is on its case and at its centre (the invariants above). Whether a centre's
        // screen showed it before the patient arrived depends on the outage: under Orleans' default
        // membership it lasts 15-100 s here, which at the smoke drill's 300x is 70-500 drill minutes,
        // longer than a whole transport, so a patient can arrive while the centre's stream re-registers.
        output.WriteLine($"pre-alerts not seen by their centre before arrival: {result.PreAlertsLost}");
        if (membership == "tuned")
        {
            Assert.True(result.PreAlertsLost == 0, $"pre-alerts lost {result.PreAlertsLost}\n{problems}");
        }

        Assert.True(result.Failures == 0, $"{result.Failures} failures\n{problems}");
    }

    /// <summary>Recovered: every case still open reads back through a surviving silo (its grain reactivated from Redis if it lived on the dead one).</summary>
    private static async Task<bool> EveryActiveCaseAnswers(LocalCluster cluster, SiloProcess survivor)
    {
        using var channel = cluster.Channel(survivor, cluster.AdminToken);
        var cases = new CaseService.CaseServiceClient(channel);
        try
        {
            var active = await cases.ListActiveCasesAsync(new ListActiveCasesRequest());
            await Task.WhenAll(active.Cases.Select(c => cases.GetCaseAsync(new GetCaseRequest { CaseId = c.CaseId }).ResponseAsync));
            return true;
        }
        catch (Grpc.Core.RpcException)
        {
            return false;
        }
    }

    /// <summary>The drill's progress lines, read for how many calls are open so far.</summary>
    private sealed partial class ProgressLines : StringWriter
    {
        private int _opened;

        public int CallsOpened => Volatile.Read(ref _opened);

        public string Text
        {
            get
            {
                lock (this)
                {
                    return ToString();
                }
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            if (value is not null && Opened().Match(value) is { Success: true } match)
            {
                Volatile.Write(ref _opened, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            lock (this)
            {
                return base.WriteLineAsync(value);
            }
        }

        [GeneratedRegex(@"calls (\d+)/")]
        private static partial Regex Opened();
    }
}
