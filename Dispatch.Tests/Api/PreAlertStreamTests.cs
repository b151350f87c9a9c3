using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>The receiving centre's side over a real gRPC channel: pre-alert, updates, acknowledgement; and a slow centre.</summary>
[Collection(EngineCollection.Name)]
public sealed class PreAlertStreamTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly HospitalService.HospitalServiceClient _hospitals = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Centre_SeesThePreAlert_EtaAndEcgUpdates_AndItsAcknowledgementLandsOnTheTimeline()
    {
        var (crew, call) = await StemiOnScene("watch", "amb-23");
        await using var _ = crew;
        var destination = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId })).DestinationHospitalId;
        using var watch = _hospitals.WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = destination });
        var alerts = watch.ResponseStream;

        var announced = await Next(alerts, a => a.CaseId == call.CaseId, "the pre-alert for the patient");
        await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, 1, engine.Clock.GetUtcNow()) });
        var withEcg = await Next(alerts, a => a.CaseId == call.CaseId && a.EcgChunks >= 1, "an update with the ECG");
        await Status(crew, Milestone.LeftScene);
        var fix = new GeoPoint { Latitude = 38.015, Longitude = 114.49 };
        var expected = await new RoutingService.RoutingServiceClient(engine.Channel).GetTravelTimeAsync(
            new GetTravelTimeRequest { From = fix, HospitalId = destination });
        await crew.Send(new CrewMessage { Gps = new GpsFix { Position = fix } });
        var withEta = await Next(alerts, a => a.CaseId == call.CaseId && a.Kind == PreAlertKind.Update && a.EtaMinutes == Math.Round(expected.Minutes, 1),
            "an ETA update from the ambulance's position");
        engine.Clock.Advance(TimeSpan.FromSeconds(40));
        var ack = await _hospitals.AcknowledgePreAlertAsync(new PreAlertActionRequest { HospitalId = destination, CaseId = call.CaseId, CommandId = $"ack-{_run}" });
        var acknowledged = await Next(alerts, a => a.CaseId == call.CaseId && a.AcknowledgedAt is not null, "the acknowledgement echoed to the centre");
        var read = await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });

        Assert.Equal((PreAlertKind.New, Complaint.ChestPain, DiagnosisKind.SuspectedStemi), (announced.Kind, announced.Complaint, announced.Diagnosis.Kind));
        Assert.Equal(read.Decision.Reason, announced.Reason);
        Assert.True(announced.HasEtaMinutes);
        Assert.Equal(1UL, withEta.EcgChunks);
        var entry = read.Timeline.Single(e => e.Milestone == Milestone.PreAlertAcknowledged);
        Assert.Equal((destination, engine.Clock.GetUtcNow()), (entry.HospitalId, entry.At.ToDateTimeOffset()));
        Assert.Equal(entry.At, ack.RecordedAt);
        Assert.Equal(entry.At, acknowledged.AcknowledgedAt);
        Assert.Contains(read.Timeline, e => e.Milestone == Milestone.PreAlertSent && e.HospitalId == destination);
        await Close(call.CaseId);
        await Next(alerts, a => a.CaseId == call.CaseId && a.Kind == PreAlertKind.Withdrawn, "the withdrawal when the case closed");
    }

    [Fact]
    public async Task AnotherHospital_CannotActOnThePatient()
    {
        var (crew, call) = await StemiOnScene("other", "amb-24");
        await using var _ = crew;
        var destination = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId })).DestinationHospitalId;
        var other = destination == "h-city-2" ? "h-city-1" : "h-city-2";

        var error = await Assert.ThrowsAsync<RpcException>(() => _hospitals.AcknowledgePreAlertAsync(
            new PreAlertActionRequest { HospitalId = other, CaseId = call.CaseId, CommandId = $"ack-other-{_run}" }).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, $"no patient with case '{call.CaseId}' is heading to {other}"), (error.StatusCode, error.Status.Detail));
        Assert.DoesNotContain((await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId })).Timeline, e => e.Milestone == Milestone.PreAlertAcknowledged);
        await Close(call.CaseId);
    }

    [Fact]
    public async Task SlowCentre_NeverReading_DoesNotSlowTheCrew()
    {
        var (crew, call) = await StemiOnScene("slow", "amb-25");
        await using var _ = crew;
        var destination = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId })).DestinationHospitalId;
        // Opened and never read: HTTP/2 flow control soon stops the server from writing to it.
        using var stalled = _hospitals.WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = destination });
        await Status(crew, Milestone.LeftScene);
        var start = engine.Clock.GetUtcNow();

        // 400 fixes 31 s apart (by their own timestamps): each one makes an ETA update for the centre.
        for (var i = 0; i < 400; i++)
        {
            await crew.Send(new CrewMessage
            {
                Gps = new GpsFix
                {
                    Position = new GeoPoint { Latitude = 38.015 - i * 0.00001, Longitude = 114.49 },
                    At = Timestamp.FromDateTimeOffset(start.AddSeconds(-400 * 31 + i * 31)),
                },
            });
            await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, (ulong)i + 1, start) });
        }

        var last = await crew.Ack(400);

        Assert.Equal(400UL, last.EcgAck.Sequence);
        var recording = await new EcgService.EcgServiceClient(engine.Channel).ReadRecordingAsync(new ReadRecordingRequest { CaseId = call.CaseId });
        Assert.Equal(400, recording.Chunks.Count);
        using var fresh = _hospitals.WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = destination });
        // The centre's pre-alert follows the ECG in whole 10 s pieces: 400 chunks of 250 ms complete the tenth.
        var current = await Next(fresh.ResponseStream, a => a.CaseId == call.CaseId && a.EcgChunks == 400,
            "the pre-alert with all 100 s of ECG, for a centre that reconnects");
        Assert.Equal(PreAlertKind.Update, current.Kind);
        await Close(call.CaseId);
    }

    private async Task<(CrewClient Crew, CaseView Call)> StemiOnScene(string name, string ambulance)
    {
        var call = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"prealert-{name}-{_run}",
            Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 },
            Complaint = Complaint.ChestPain,
            PatientAge = 61,
        });
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = call.CaseId, CommandId = $"dispatch-{name}-{_run}", Milestone = Milestone.AmbulanceDispatched, AmbulanceId = ambulance,
        });
        var (crew, _) = await CrewClient.Connect(engine.Channel, ambulance);
        await Status(crew, Milestone.OnScene);
        await Status(crew, Milestone.Diagnosis, new Diagnosis { Kind = DiagnosisKind.SuspectedStemi });
        await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Destination, "the destination");
        return (crew, call);
    }

    private static Task Status(CrewClient crew, Milestone milestone, Diagnosis? diagnosis = null) =>
        crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"{milestone}-{Guid.NewGuid():N}", Milestone = milestone, Diagnosis = diagnosis } });

    private static async Task<PreAlert> Next(IAsyncStreamReader<PreAlert> alerts, Func<PreAlert, bool> match, string waitingFor)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await alerts.MoveNext(limit.Token))
            {
                if (match(alerts.Current))
                {
                    return alerts.Current;
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
        }

        throw new TimeoutException($"the pre-alert stream never brought {waitingFor}");
    }

    private Task<CaseView> Close(string caseId) => _cases.RecordMilestoneAsync(new RecordMilestoneRequest
    {
        CaseId = caseId,
        CommandId = $"close-{Guid.NewGuid():N}",
        Milestone = Milestone.Closed,
    }).ResponseAsync;
}
