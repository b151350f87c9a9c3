using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>Bad input gets a status and a message that names the problem, and what is stored stays as it was.</summary>
[Collection(EngineCollection.Name)]
public sealed class ValidationTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public static TheoryData<string, double, double, string> BadLocations => new()
    {
        { "NaN", double.NaN, 114.49, "location must have a latitude within ±90 and a longitude within ±180, got NaN,114.49" },
        { "latitude 91", 91, 114.49, "location must have a latitude within ±90 and a longitude within ±180, got 91,114.49" },
        { "longitude -181", 38, -181, "location must have a latitude within ±90 and a longitude within ±180, got 38,-181" },
        { "infinity", 38, double.PositiveInfinity, "location must have a latitude within ±90 and a longitude within ±180, got 38,Infinity" },
        { "Null Island", 0, 0, "location 0.000000,0.000000 is 12067 km outside region 'Qinghe Prefecture (fictional)'; positions must lie within 50 km of it" },
    };

    [Theory]
    [MemberData(nameof(BadLocations))]
    public async Task OpenCase_AtAnImpossibleOrFarAwayPlace_IsInvalidArgument(string name, double latitude, double longitude, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"bad-location-{name}-{_run}", Location = new GeoPoint { Latitude = latitude, Longitude = longitude }, Complaint = Complaint.ChestPain,
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, message), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task AFixFarOutsideTheRegion_IsRefused_AndTheAmbulanceKeepsItsPosition()
    {
        var ambulances = new AmbulanceService.AmbulanceServiceClient(engine.Channel);
        var before = await ambulances.ReportPositionAsync(new ReportPositionRequest { AmbulanceId = "amb-9", Position = new GeoPoint { Latitude = 38.03, Longitude = 114.5 } });

        var error = await Assert.ThrowsAsync<RpcException>(() => ambulances.ReportPositionAsync(new ReportPositionRequest
        {
            AmbulanceId = "amb-9", Position = new GeoPoint { Latitude = 39.5, Longitude = 114.5 },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("position 39.500000,114.500000 is ", error.Status.Detail);
        Assert.EndsWith(" km outside region 'Qinghe Prefecture (fictional)'; positions must lie within 50 km of it", error.Status.Detail);
        Assert.Equal(before.Position, (await ambulances.GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-9" })).Position);
    }

    [Fact]
    public async Task MilestoneTimes_InTheFutureOrLongPast_AreRefused_AndTheTimelineIsUnchanged()
    {
        var call = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"times-{_run}", Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
        });
        var now = engine.Clock.GetUtcNow();

        var future = await Refused(Milestone.AmbulanceDispatched, now.AddMinutes(10), "amb-8");
        var stale = await Refused(Milestone.AmbulanceDispatched, now.AddDays(-2), "amb-8");
        var timeline = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId })).Timeline;

        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Equal($"at {now.AddMinutes(10):O} is 10 min ahead of the engine's clock ({now:O}); times in the future are refused", future.Status.Detail);
        Assert.Equal($"at {now.AddDays(-2):O} is more than 24 h in the past", stale.Status.Detail);
        Assert.Equal([Milestone.CallReceived], timeline.Select(e => e.Milestone));
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"times-close-{_run}", Milestone = Milestone.Closed });

        Task<RpcException> Refused(Milestone milestone, DateTimeOffset at, string ambulance) => Assert.ThrowsAsync<RpcException>(() =>
            _cases.RecordMilestoneAsync(new RecordMilestoneRequest
            {
                CaseId = call.CaseId, CommandId = $"times-{at.Ticks}-{_run}", Milestone = milestone, At = Timestamp.FromDateTimeOffset(at), AmbulanceId = ambulance,
            }).ResponseAsync);
    }

    [Fact]
    public async Task OversizeStrings_AndOversizeMessages_AreRefusedByName()
    {
        var longCommand = await Assert.ThrowsAsync<RpcException>(() => _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = new string('c', 200), Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
        }).ResponseAsync);
        var longNote = await Assert.ThrowsAsync<RpcException>(() => _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = "case-x", CommandId = $"note-{_run}", Milestone = Milestone.OnScene, Note = new string('n', 5000),
        }).ResponseAsync);
        var huge = await Assert.ThrowsAsync<RpcException>(() => _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = "case-x", CommandId = $"huge-{_run}", Milestone = Milestone.OnScene, Note = new string('n', 600_000),
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "command_id is 200 characters; the most is 128"), (longCommand.StatusCode, longCommand.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "note is 5000 characters; the most is 2000"), (longNote.StatusCode, longNote.Status.Detail));
        Assert.Equal(StatusCode.ResourceExhausted, huge.StatusCode);
        Assert.Contains("exceeds the maximum configured message size", huge.Status.Detail);
    }

    [Fact]
    public async Task EcgResends_AreAckedWhenIdentical_AndRefusedWhenTheyDiffer_SoNoStoredChunkIsOverwritten()
    {
        var call = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"ecg-resend-{_run}", Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
        });
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = call.CaseId, CommandId = $"ecg-resend-dispatch-{_run}", Milestone = Milestone.AmbulanceDispatched, AmbulanceId = "amb-8",
        });
        var (crew, _) = await CrewClient.Connect(engine.Channel, "amb-8");
        await using var _ = crew;
        var start = engine.Clock.GetUtcNow();
        for (ulong sequence = 1; sequence <= 3; sequence++)
        {
            await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, sequence, start.AddMilliseconds(250 * (double)sequence)) });
        }

        await crew.Ack(3);
        await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, 3, start.AddMilliseconds(750)) });
        var resendAck = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.EcgAck, "the ack of an identical resend");
        var different = SyntheticEcgChunks.Chunk(call.CaseId, 3, start.AddMilliseconds(750));
        different.Leads[0].Samples[0] += 1;
        await crew.Send(new CrewMessage { Ecg = different });
        var duplicate = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "the refusal of a different chunk 3");
        var older = SyntheticEcgChunks.Chunk(call.CaseId, 1, start);
        await crew.Send(new CrewMessage { Ecg = older });
        var regression = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "the refusal of a different chunk 1");
        var backwards = SyntheticEcgChunks.Chunk(call.CaseId, 4, start);
        await crew.Send(new CrewMessage { Ecg = backwards });
        var earlier = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "the refusal of a chunk that starts before the last");
        var tooLong = SyntheticEcgChunks.Chunk(call.CaseId, 4, start.AddSeconds(1));
        foreach (var lead in tooLong.Leads)
        {
            lead.Samples.AddRange(Enumerable.Repeat(0, 1000));
        }

        await crew.Send(new CrewMessage { Ecg = tooLong });
        var samples = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "the refusal of too many samples");
        var recording = await new EcgService.EcgServiceClient(engine.Channel).ReadRecordingAsync(new ReadRecordingRequest { CaseId = call.CaseId });

        Assert.Equal(3UL, resendAck.EcgAck.Sequence);
        Assert.Equal(("InvalidArgument", "ECG chunk 3 was already stored with different samples; a sequence number is used once"),
            (duplicate.Rejected.Code, duplicate.Rejected.Message));
        Assert.Equal("ECG sequence went back from 3 to 1 with samples that differ from the stored chunk", regression.Rejected.Message);
        Assert.Equal($"ECG chunk 4 starts at {start:O}, before chunk 3 ({start.AddMilliseconds(750):O})", earlier.Rejected.Message);
        Assert.Equal("an ECG chunk holds 1-1000 samples per lead at 500 Hz, got 1125", samples.Rejected.Message);
        Assert.Equal([1UL, 2UL, 3UL], recording.Chunks.Select(c => c.Sequence));
        Assert.Equal(SyntheticEcgChunks.Chunk(call.CaseId, 3, start.AddMilliseconds(750)).Leads, recording.Chunks[2].Leads);
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"ecg-resend-close-{_run}", Milestone = Milestone.Closed });
    }
}
