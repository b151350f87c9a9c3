using System.Text.Json;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>Every routing decision and every read of patient data, allowed or refused, is on the audit trail: who, when, what.</summary>
[Collection(EngineCollection.Name)]
public sealed class AuditTrailTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Reads_Refusals_Decisions_AndDeliveries_AreRecorded_WithWhoWhenAndWhat()
    {
        var call = await StemiCalls.Routed(_cases, "audit", "amb-2");
        var destination = call.DestinationHospitalId;
        var other = destination == "h-city-2" ? "h-city-1" : "h-city-2";
        using var own = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: destination, subject: $"nurse-{_run}"));
        using var foreign = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: other, subject: $"snoop-{_run}"));
        await new CaseService.CaseServiceClient(own).GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });
        await Assert.ThrowsAsync<RpcException>(() => new CaseService.CaseServiceClient(foreign).GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId }).ResponseAsync);
        using (var watch = new HospitalService.HospitalServiceClient(own).WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = destination }))
        {
            await watch.ResponseStream.MoveNext();
        }

        var lines = await Eventually.Get(() => Task.FromResult(Read(call.CaseId)),
            l => l.Count(e => e.GetProperty("who").GetString() == $"nurse-{_run}") >= 2 && l.Any(e => e.GetProperty("who").GetString() == $"snoop-{_run}"),
            "the audit lines of the case");

        var decision = Assert.Single(lines, e => e.GetProperty("action").GetString() == "destination decision");
        Assert.Equal(("engine", destination, "chosen"), (decision.GetProperty("who").GetString(), decision.GetProperty("target").GetString(), decision.GetProperty("outcome").GetString()));
        Assert.StartsWith("guideline: primary PCI", decision.GetProperty("detail").GetString());
        var read = Assert.Single(lines, e => e.GetProperty("who").GetString() == $"nurse-{_run}" && e.GetProperty("action").GetString() == "CaseService/GetCase");
        Assert.Equal(("hospital", "OK"), (read.GetProperty("role").GetString(), read.GetProperty("outcome").GetString()));
        Assert.Equal(engine.Clock.GetUtcNow(), read.GetProperty("at").GetDateTimeOffset());
        var refused = Assert.Single(lines, e => e.GetProperty("who").GetString() == $"snoop-{_run}");
        Assert.Equal(("CaseService/GetCase", "PermissionDenied"), (refused.GetProperty("action").GetString(), refused.GetProperty("outcome").GetString()));
        var delivered = Assert.Single(lines, e => e.GetProperty("who").GetString() == $"nurse-{_run}" && e.GetProperty("outcome").GetString() == "delivered");
        Assert.Equal(("HospitalService/WatchPreAlerts", destination), (delivered.GetProperty("action").GetString(), delivered.GetProperty("target").GetString()));
        Assert.Contains(lines, e => e.GetProperty("action").GetString() == "CaseService/RecordMilestone" && e.GetProperty("who").GetString() == "test-admin");
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"audit-close-{_run}", Milestone = Milestone.Closed });
    }

    private List<JsonElement> Read(string caseId)
    {
        var lines = new List<JsonElement>();
        foreach (var file in Directory.Exists(engine.AuditDirectory) ? Directory.GetFiles(engine.AuditDirectory, "audit-*.jsonl") : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var entry = JsonDocument.Parse(line).RootElement;
                if (entry.TryGetProperty("caseId", out var id) && id.GetString() == caseId)
                {
                    lines.Add(entry.Clone());
                }
            }
        }

        return lines;
    }
}
