using System.Net;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Dispatch.Tests.Support.Processes;
using Grpc.Core;
using Xunit.Abstractions;

namespace Dispatch.Tests.Cluster;

/// <summary>
/// Faults with real processes: Redis crashing and coming back, and a silo killed while a
/// pre-alert waits for its acknowledgement. Nothing confirmed may be lost, nothing may fail
/// silently, and the engine must carry on by itself once the fault is gone.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class RedisClusterFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WithRedisDown_CallsAreRefusedAsUnavailable_NotReady_ThenWorkResumesWithNothingLost()
    {
        var ops = FreePorts.Next();
        await using var cluster = await LocalCluster.Start(1, "--ops-url", $"http://127.0.0.1:{ops}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ops}") };
        using var channel = cluster.Channel(cluster.Silos[0], cluster.AdminToken);
        var cases = new CaseService.CaseServiceClient(channel);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var before = await StemiCalls.Routed(cases, "before-redis-crash", "amb-1");

        await cluster.Redis.Kill();
        var open = new OpenCaseRequest { CommandId = $"during-outage-{Guid.NewGuid():N}", Location = StemiCalls.Scene, Complaint = Complaint.ChestPain };
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await cases.OpenCaseAsync(open));
        output.WriteLine($"with Redis down: {refused.StatusCode}: {refused.Status.Detail}");
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("nothing was confirmed", refused.Status.Detail, StringComparison.Ordinal);
        await Eventually.Get(async () => (await http.GetAsync("/health/ready")).StatusCode, status => status == HttpStatusCode.ServiceUnavailable,
            "readiness to fail with Redis down");

        await cluster.Redis.Run();
        var reopened = await Eventually.Get(async () =>
        {
            try
            {
                return await cases.OpenCaseAsync(open);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return null;
            }
        }, view => view is not null, "the refused call to succeed once Redis is back", TimeSpan.FromMinutes(2));
        Assert.Single(reopened!.Timeline, e => e.Milestone == Milestone.CallReceived);
        var after = await cases.GetCaseAsync(new GetCaseRequest { CaseId = before.CaseId });
        Assert.Equal(before.Timeline.Select(e => (e.Milestone, e.CommandId)), after.Timeline.Take(before.Timeline.Count).Select(e => (e.Milestone, e.CommandId)));
        await Eventually.Get(async () => (await http.GetAsync("/health/ready")).StatusCode, status => status == HttpStatusCode.OK,
            "readiness to recover with Redis back", TimeSpan.FromMinutes(1));

        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("dispatch_decision_duration", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans", metrics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APendingPreAlertEscalation_StillFires_AfterTheSiloHoldingItIsKilled()
    {
        string[] quickChase = ["--Dispatch:PreAlerts:EscalateAfterMinutes", "0.1", "--Dispatch:PreAlerts:RepeatEveryMinutes", "0.1"];
        await using var cluster = await LocalCluster.Start(2, [.. LocalCluster.TunedMembership, .. quickChase]);
        using var channel = cluster.Channel(cluster.Silos[0], cluster.AdminToken);
        var cases = new CaseService.CaseServiceClient(channel);

        // Six cases: their grains and reminders spread over both silos, so some are on the one killed.
        var routed = new List<CaseView>();
        for (var i = 1; i <= 6; i++)
        {
            routed.Add(await StemiCalls.Routed(cases, $"escalation-{i}", $"amb-{i}"));
        }

        Assert.All(routed, c => Assert.NotEmpty(c.DestinationHospitalId));
        await cluster.Silos[1].Kill();

        foreach (var view in routed)
        {
            var escalated = await Eventually.Get(() => ReadDuringFailover(cases, view.CaseId),
                c => c?.Alerts.Any(a => a.Kind == "pre-alert-unacknowledged") == true, $"{view.CaseId}'s unacknowledged pre-alert to be escalated",
                TimeSpan.FromMinutes(4));
            Assert.Equal(view.DestinationHospitalId, escalated!.Alerts.Single(a => a.Kind == "pre-alert-unacknowledged").HospitalId);
        }
    }

    /// <summary>
    /// Until the cluster has declared the killed silo dead, a case that lived there answers
    /// UNAVAILABLE ("nothing was confirmed: retry"), as the engine documents; a client retries.
    /// </summary>
    private static async Task<CaseView?> ReadDuringFailover(CaseService.CaseServiceClient cases, string caseId)
    {
        try
        {
            return await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return null;
        }
    }
}
