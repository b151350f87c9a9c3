using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>The case lifecycle over a real gRPC channel to the engine running the sample region.</summary>
[Collection(EngineCollection.Name)]
public sealed class CaseApiTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task StemiCase_GoesThroughItsLifecycle_AndReturnsTimelineAndMetrics()
    {
        var opened = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"call-{_run}",
            Location = new GeoPoint { Latitude = 38.03, Longitude = 114.48 },
            Complaint = Complaint.ChestPain,
            PatientAge = 58,
            PatientSex = PatientSex.Male,
        });
        var start = opened.Timeline[0].At.ToDateTimeOffset();

        await Record(opened.CaseId, Milestone.AmbulanceDispatched, start.AddSeconds(50), ambulance: "amb-4");
        await Record(opened.CaseId, Milestone.OnScene, start.AddMinutes(11));
        await Record(opened.CaseId, Milestone.FirstEcg, start.AddMinutes(15));
        var diagnosed = await Record(opened.CaseId, Milestone.Diagnosis, start.AddMinutes(18),
            diagnosis: new Diagnosis { Kind = DiagnosisKind.SuspectedStemi });
        var hospital = diagnosed.DestinationHospitalId;
        await Record(opened.CaseId, Milestone.LeftScene, start.AddMinutes(20));
        await Record(opened.CaseId, Milestone.ArrivedAtDoor, start.AddMinutes(45));
        await Record(opened.CaseId, Milestone.Device, start.AddMinutes(86));

        var view = await _cases.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId });

        Assert.Equal(CasePhase.AtHospital, view.Phase);
        Assert.Equal(DestinationPlan.PrimaryPci, diagnosed.Decision.Plan);
        Assert.Contains(await PciCentres(), id => id == hospital);
        Assert.Equal(hospital, view.CurrentHospitalId);
        Assert.Equal(
            [Milestone.CallReceived, Milestone.AmbulanceDispatched, Milestone.OnScene, Milestone.FirstEcg, Milestone.Diagnosis,
             Milestone.DestinationChosen, Milestone.PreAlertSent, Milestone.LeftScene, Milestone.ArrivedAtDoor, Milestone.Device],
            view.Timeline.Select(e => e.Milestone));
        Assert.Equal(50.0 / 60, Metric(view, "call_to_dispatch").Minutes, 9);
        Assert.Equal(4, Metric(view, "fmc_to_ecg").Minutes);
        Assert.Equal(75, Metric(view, "fmc_to_device").Minutes);
        Assert.True(Metric(view, "fmc_to_device").MetTarget);
        Assert.Equal(41, Metric(view, "door_to_device").Minutes);
        Assert.False(Metric(view, "door_in_door_out").HasMinutes);
        await Record(opened.CaseId, Milestone.Closed, start.AddMinutes(120));
    }

    [Fact]
    public async Task OpenCase_RepeatedWithTheSameCommandId_ReturnsTheSameCase()
    {
        var request = new OpenCaseRequest
        {
            CommandId = $"call-twice-{_run}",
            Location = new GeoPoint { Latitude = 38.0, Longitude = 114.5 },
            Complaint = Complaint.StrokeSymptoms,
        };

        var first = await _cases.OpenCaseAsync(request);
        var second = await _cases.OpenCaseAsync(request);

        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Single(second.Timeline);
    }

    [Fact]
    public async Task RecordMilestone_IllegalTransition_IsFailedPreconditionWithTheReason()
    {
        var opened = await Open("illegal");

        var error = await Assert.ThrowsAsync<RpcException>(() => Record(opened.CaseId, Milestone.Device, null));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Device cannot be recorded while the case is Open", error.Status.Detail);
        Assert.Single((await _cases.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId })).Timeline);
    }

    [Fact]
    public async Task BadRequests_GetInvalidArgumentOrNotFound_NamingTheProblem()
    {
        var opened = await Open("bad");

        var noMilestone = await Assert.ThrowsAsync<RpcException>(() =>
            _cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = opened.CaseId, CommandId = "x" }).ResponseAsync);
        var unknownCase = await Assert.ThrowsAsync<RpcException>(() =>
            _cases.GetCaseAsync(new GetCaseRequest { CaseId = "case-nope" }).ResponseAsync);
        var badLocation = await Assert.ThrowsAsync<RpcException>(() => _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"bad-loc-{_run}",
            Location = new GeoPoint { Latitude = 123, Longitude = 10 },
            Complaint = Complaint.ChestPain,
        }).ResponseAsync);
        var unknownAmbulance = await Assert.ThrowsAsync<RpcException>(() =>
            Record(opened.CaseId, Milestone.AmbulanceDispatched, null, ambulance: "amb-none"));

        Assert.Equal((StatusCode.InvalidArgument, "milestone must be set to a known value, got 0"), (noMilestone.StatusCode, noMilestone.Status.Detail));
        Assert.Equal((StatusCode.NotFound, "unknown case 'case-nope'"), (unknownCase.StatusCode, unknownCase.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, badLocation.StatusCode);
        Assert.Contains("location", badLocation.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((StatusCode.NotFound, "unknown ambulance 'amb-none'"), (unknownAmbulance.StatusCode, unknownAmbulance.Status.Detail));
    }

    private async Task<CaseView> Open(string name) => await _cases.OpenCaseAsync(new OpenCaseRequest
    {
        CommandId = $"call-{name}-{_run}",
        Location = new GeoPoint { Latitude = 38.0, Longitude = 114.5 },
        Complaint = Complaint.ChestPain,
    });

    private async Task<CaseView> Record(string caseId, Milestone milestone, DateTimeOffset? at, string ambulance = "",
        string hospital = "", Diagnosis? diagnosis = null)
    {
        // The crew's device reports when things happened; the engine's clock has caught up by then.
        if (at > engine.Clock.GetUtcNow())
        {
            engine.Clock.SetUtcNow(at.Value);
        }

        return await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = caseId,
            CommandId = $"{milestone}-{Guid.NewGuid():N}",
            Milestone = milestone,
            At = at is { } t ? Timestamp.FromDateTimeOffset(t) : null,
            AmbulanceId = ambulance,
            HospitalId = hospital,
            Diagnosis = diagnosis,
        });
    }

    private async Task<IEnumerable<string>> PciCentres()
    {
        var hospitals = await new RegionService.RegionServiceClient(engine.Channel).ListHospitalsAsync(new ListHospitalsRequest());
        return hospitals.Hospitals.Where(h => h.Capabilities.Contains(Capability.Pci)).Select(h => h.Id);
    }

    private static CaseMetric Metric(CaseView view, string name) => view.Metrics.Single(m => m.Name == name);
}
