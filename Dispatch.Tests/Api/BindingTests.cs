using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>Tokens bound to one hospital or one ambulance reach that one only, and a refused call changes nothing.</summary>
[Collection(EngineCollection.Name)]
public sealed class BindingTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AHospital_CannotSeeAnotherHospitalsPatient()
    {
        var routed = await StemiCalls.Routed(_cases, "binding", "amb-16");
        var (caseId, destination) = (routed.CaseId, routed.DestinationHospitalId);
        var other = destination == "h-city-2" ? "h-city-1" : "h-city-2";
        using var own = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: destination));
        using var foreign = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: other));

        var read = await Refusal(() => new CaseService.CaseServiceClient(foreign).GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
        var ecg = await Refusal(() => new EcgService.EcgServiceClient(foreign).ReadRecordingAsync(new ReadRecordingRequest { CaseId = caseId }).ResponseAsync);
        var watch = await Refusal(async () =>
        {
            using var call = new HospitalService.HospitalServiceClient(foreign).WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = destination });
            await call.ResponseStream.MoveNext();
        });
        var incomingSeenByOther = (await new HospitalService.HospitalServiceClient(foreign).GetHospitalAsync(new GetHospitalRequest { HospitalId = destination })).IncomingCaseIds;
        var incomingSeenByOwn = (await new HospitalService.HospitalServiceClient(own).GetHospitalAsync(new GetHospitalRequest { HospitalId = destination })).IncomingCaseIds;
        var ownRead = await new CaseService.CaseServiceClient(own).GetCaseAsync(new GetCaseRequest { CaseId = caseId });

        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Equal($"this hospital token cannot see case {caseId}", read.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, ecg.StatusCode);
        Assert.Equal((StatusCode.PermissionDenied, $"a hospital token for {other} cannot act for {destination}"), (watch.StatusCode, watch.Status.Detail));
        Assert.Empty(incomingSeenByOther);
        Assert.Contains(caseId, incomingSeenByOwn);
        Assert.Equal(destination, ownRead.DestinationHospitalId);
        await Close(caseId);
    }

    [Fact]
    public async Task ACrew_CannotWriteToAnotherAmbulance_AndTheOtherAmbulanceIsUntouched()
    {
        var caseId = (await StemiCalls.Routed(_cases, "binding", "amb-17")).CaseId;
        using var crew = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Crew, ambulanceId: "amb-18"));
        var ambulances = new AmbulanceService.AmbulanceServiceClient(engine.Channel);
        var before = await ambulances.GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-17" });
        var timelineBefore = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Timeline.Count;

        var position = await Refusal(() => new AmbulanceService.AmbulanceServiceClient(crew).ReportPositionAsync(new ReportPositionRequest
        {
            AmbulanceId = "amb-17", Position = new GeoPoint { Latitude = 38.1, Longitude = 114.6 },
        }).ResponseAsync);
        var status = await Refusal(() => new AmbulanceService.AmbulanceServiceClient(crew).SetStatusAsync(new SetAmbulanceStatusRequest
        {
            AmbulanceId = "amb-17", Status = AmbulanceStatus.OutOfService,
        }).ResponseAsync);
        var milestone = await Refusal(() => new CaseService.CaseServiceClient(crew).RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = caseId, CommandId = $"foreign-left-{_run}", Milestone = Milestone.LeftScene,
        }).ResponseAsync);
        var connect = await Refusal(async () => await CrewClient.Connect(crew, "amb-17"));
        var after = await ambulances.GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-17" });

        Assert.Equal((StatusCode.PermissionDenied, "a crew token for amb-18 cannot act for ambulance amb-17"), (position.StatusCode, position.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
        Assert.Equal((StatusCode.PermissionDenied, $"this crew token cannot see case {caseId}"), (milestone.StatusCode, milestone.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, connect.StatusCode);
        Assert.Equal(before, after);
        Assert.Equal(timelineBefore, (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Timeline.Count);
        await Close(caseId);
    }

    [Fact]
    public async Task ACrew_MayNotRecordTheEnginesOrTheHospitalsMilestones_AndItsStreamGoesOn()
    {
        var caseId = (await StemiCalls.Routed(_cases, "binding", "amb-19")).CaseId;
        using var channel = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Crew, ambulanceId: "amb-19"));
        var (crew, welcome) = await CrewClient.Connect(channel, "amb-19");
        await using var _ = crew;

        await crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"device-{_run}", Milestone = Milestone.Device } });
        var rejected = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "the rejection");
        await crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"left-{_run}", Milestone = Milestone.LeftScene } });
        var timeline = await Eventually.Get(() => _cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync,
            c => c.Timeline.Any(e => e.Milestone == Milestone.LeftScene), "the crew's left-scene milestone");
        var direct = await Refusal(() => new CaseService.CaseServiceClient(channel).RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = caseId, CommandId = $"dispatch-self-{_run}", Milestone = Milestone.AmbulanceDispatched, AmbulanceId = "amb-19",
        }).ResponseAsync);

        Assert.Equal(caseId, welcome.CaseId);
        Assert.Equal(("PermissionDenied", "a crew token may not record Device"), (rejected.Rejected.Code, rejected.Rejected.Message));
        Assert.DoesNotContain(timeline.Timeline, e => e.Milestone == Milestone.Device);
        Assert.Equal((StatusCode.PermissionDenied, "a crew token may not record AmbulanceDispatched"), (direct.StatusCode, direct.Status.Detail));
        await Close(caseId);
    }

    private Task<CaseView> Close(string caseId) => _cases.RecordMilestoneAsync(new RecordMilestoneRequest
    {
        CaseId = caseId, CommandId = $"binding-close-{caseId}", Milestone = Milestone.Closed,
    }).ResponseAsync;

    private static async Task<RpcException> Refusal(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}
