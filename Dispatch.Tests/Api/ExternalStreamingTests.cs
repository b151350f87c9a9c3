using System.Globalization;
using System.Text.Json;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>
/// A crew, a hospital and a coordinator, each a buf curl process that knows the API only by server
/// reflection, watch the same case unfold; the crew's ECG reads back sample for sample.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ExternalStreamingTests(EngineFixture engine)
{
    private readonly BufCurl _buf = new(engine.Address, engine.AdminToken);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task CrewHospitalAndCoordinator_SeeTheSameCaseLive_AndTheEcgReadsBackExactly()
    {
        await using var coordinator = BufStream.Start(engine.Address, engine.AdminToken, "/dispatch.v1.CoordinatorService/WatchRegion", "{}");
        await coordinator.Next(m => m.TryGetProperty("snapshot", out _), "the coordinator's snapshot");
        await using var crew = BufStream.Start(engine.Address, engine.AdminToken, "/dispatch.v1.CrewService/Connect");
        await crew.Send(new { hello = new { ambulanceId = "amb-28" } });
        await crew.Next(m => m.TryGetProperty("welcome", out _), "the crew's welcome");

        var opened = await _buf.Call("/dispatch.v1.CaseService/OpenCase", new
        {
            commandId = $"external-{_run}", location = new { latitude = 38.02, longitude = 114.49 }, complaint = "COMPLAINT_CHEST_PAIN",
        });
        var caseId = opened.GetProperty("caseId").GetString()!;
        await _buf.Call("/dispatch.v1.CaseService/RecordMilestone", new
        {
            caseId, commandId = $"external-dispatch-{_run}", milestone = "MILESTONE_AMBULANCE_DISPATCHED", ambulanceId = "amb-28",
        });
        var assignment = await crew.Next(m => m.TryGetProperty("assignment", out _), "the assignment");
        await crew.Send(new { status = new { commandId = $"scene-{_run}", milestone = "MILESTONE_ON_SCENE" } });
        await crew.Send(new { status = new { commandId = $"dx-{_run}", milestone = "MILESTONE_DIAGNOSIS", diagnosis = new { kind = "DIAGNOSIS_KIND_SUSPECTED_STEMI" } } });
        var destination = (await crew.Next(m => m.TryGetProperty("destination", out _), "the destination")).GetProperty("destination");
        var hospitalId = destination.GetProperty("hospitalId").GetString()!;

        await using var hospital = BufStream.Start(engine.Address, engine.AdminToken, "/dispatch.v1.HospitalService/WatchPreAlerts",
            JsonSerializer.Serialize(new { hospitalId }));
        var preAlert = await hospital.Next(m => m.GetProperty("caseId").GetString() == caseId, "the hospital's pre-alert");
        var startedAt = engine.Clock.GetUtcNow();
        for (var sequence = 1; sequence <= 6; sequence++)
        {
            await crew.Send(new { ecg = Chunk(caseId, sequence, startedAt.AddMilliseconds(250 * (sequence - 1))) });
        }

        await crew.Next(m => m.TryGetProperty("ecgAck", out var ack) && ack.GetProperty("sequence").GetString() == "6", "the ack of chunk 6");
        await hospital.Next(m => m.GetProperty("caseId").GetString() == caseId && m.TryGetProperty("ecgChunks", out _), "the pre-alert update with the ECG");
        await _buf.Call("/dispatch.v1.HospitalService/AcknowledgePreAlert", new { hospitalId, caseId, commandId = $"ack-{_run}" });
        await hospital.Next(m => m.GetProperty("caseId").GetString() == caseId && m.TryGetProperty("acknowledgedAt", out _), "the acknowledgement");
        engine.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var onMap = await coordinator.Next(m => m.TryGetProperty("cases", out var cases) &&
            cases.EnumerateArray().Any(c => c.GetProperty("caseId").GetString() == caseId && c.TryGetProperty("preAlertAcknowledged", out _)),
            "the coordinator's view of the acknowledged case");
        var timeline = (await _buf.Call("/dispatch.v1.CaseService/GetCase", new { caseId })).GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("milestone").GetString()).ToList();
        var recording = await _buf.Call("/dispatch.v1.EcgService/ReadRecording", new { caseId });

        Assert.Equal(caseId, assignment.GetProperty("assignment").GetProperty("caseId").GetString());
        Assert.Equal(destination.GetProperty("reason").GetString(), preAlert.GetProperty("reason").GetString());
        Assert.Equal("PRE_ALERT_KIND_NEW", preAlert.GetProperty("kind").GetString());
        Assert.Contains(onMap.GetProperty("cases").EnumerateArray(), c => c.GetProperty("destinationHospitalId").GetString() == hospitalId);
        Assert.Equal(
            ["MILESTONE_CALL_RECEIVED", "MILESTONE_AMBULANCE_DISPATCHED", "MILESTONE_ON_SCENE", "MILESTONE_DIAGNOSIS", "MILESTONE_DESTINATION_CHOSEN",
             "MILESTONE_PRE_ALERT_SENT", "MILESTONE_FIRST_ECG", "MILESTONE_ECG_TRANSMITTED", "MILESTONE_PRE_ALERT_ACKNOWLEDGED"],
            timeline);
        var chunks = recording.GetProperty("chunks").EnumerateArray().ToList();
        Assert.Equal(6, chunks.Count);
        foreach (var (chunk, sequence) in chunks.Select((c, i) => (c, i + 1)))
        {
            var leads = chunk.GetProperty("leads").EnumerateArray().ToList();
            Assert.Equal(12, leads.Count);
            foreach (var (lead, number) in leads.Select((l, i) => (l, i + 1)))
            {
                Assert.Equal(Enumerable.Range(0, SyntheticEcgChunks.SamplesPerChunk).Select(i => SyntheticEcgChunks.Sample((ulong)sequence, number, i)),
                    lead.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()));
            }
        }

        await _buf.Call("/dispatch.v1.CaseService/RecordMilestone", new { caseId, commandId = $"close-{_run}", milestone = "MILESTONE_CLOSED" });
    }

    private static object Chunk(string caseId, int sequence, DateTimeOffset startedAt) => new
    {
        caseId,
        sequence = sequence.ToString(CultureInfo.InvariantCulture),
        sampleRateHz = 500,
        microvoltsPerUnit = 2.5,
        startedAt = startedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        leads = Enumerable.Range(1, 12).Select(lead => new
        {
            lead = $"ECG_LEAD_{LeadNames[lead - 1]}",
            samples = Enumerable.Range(0, SyntheticEcgChunks.SamplesPerChunk).Select(i => SyntheticEcgChunks.Sample((ulong)sequence, lead, i)),
        }),
    };

    private static readonly string[] LeadNames = ["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"];
}
