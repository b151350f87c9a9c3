using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>A case driven end to end by buf curl, which knows the API only through server reflection.</summary>
[Collection(EngineCollection.Name)]
public sealed class ExternalClientTests(EngineFixture engine)
{
    private readonly BufCurl _buf = new(engine.Address, engine.AdminToken);

    [Fact]
    public async Task BufCurl_OpensACase_RecordsMilestones_AndReadsTimelineAndMetrics()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var opened = await _buf.Call("/dispatch.v1.CaseService/OpenCase", new
        {
            commandId = $"buf-call-{run}",
            location = new { latitude = 38.02, longitude = 114.51 },
            complaint = "COMPLAINT_CHEST_PAIN",
        });
        var caseId = opened.GetProperty("caseId").GetString()!;

        await _buf.Call("/dispatch.v1.CaseService/RecordMilestone", new
        {
            caseId, commandId = $"buf-dispatch-{run}", milestone = "MILESTONE_AMBULANCE_DISPATCHED", ambulanceId = "amb-7",
        });
        engine.Clock.Advance(TimeSpan.FromMinutes(9));
        await _buf.Call("/dispatch.v1.CaseService/RecordMilestone", new
        {
            caseId, commandId = $"buf-scene-{run}", milestone = "MILESTONE_ON_SCENE",
        });
        engine.Clock.Advance(TimeSpan.FromMinutes(6));
        await _buf.Call("/dispatch.v1.CaseService/RecordMilestone", new
        {
            caseId, commandId = $"buf-ecg-{run}", milestone = "MILESTONE_FIRST_ECG",
        });
        var read = await _buf.Call("/dispatch.v1.CaseService/GetCase", new { caseId });

        Assert.Equal("CASE_PHASE_ON_SCENE", read.GetProperty("phase").GetString());
        Assert.Equal(
            ["MILESTONE_CALL_RECEIVED", "MILESTONE_AMBULANCE_DISPATCHED", "MILESTONE_ON_SCENE", "MILESTONE_FIRST_ECG"],
            read.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("milestone").GetString()));
        var fmcToEcg = read.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "fmc_to_ecg");
        Assert.Equal(6, fmcToEcg.GetProperty("minutes").GetDouble());
        Assert.True(fmcToEcg.GetProperty("metTarget").GetBoolean());
        await _buf.Call("/dispatch.v1.CaseService/RecordMilestone", new
        {
            caseId, commandId = $"buf-close-{run}", milestone = "MILESTONE_CLOSED",
        });
    }

    [Fact]
    public async Task BufCurl_HealthCheck_ReportsServing()
    {
        var health = await _buf.Call("/grpc.health.v1.Health/Check", new { });

        Assert.Equal("SERVING", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BufCurl_ListsTheSampleRegionsHospitals()
    {
        var region = await _buf.Call("/dispatch.v1.RegionService/GetRegion", new { });
        var hospitals = await _buf.Call("/dispatch.v1.RegionService/ListHospitals", new { });

        Assert.Equal(region.GetProperty("hospitals").GetInt32(), hospitals.GetProperty("hospitals").GetArrayLength());
        Assert.True(region.GetProperty("hospitals").GetInt32() >= 40);
        Assert.Contains(hospitals.GetProperty("hospitals").EnumerateArray(),
            h => h.GetProperty("capabilities").EnumerateArray().Any(c => c.GetString() == "CAPABILITY_PCI"));
    }
}
