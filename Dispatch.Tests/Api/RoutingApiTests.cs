using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>Issue 3 as its users see it, over gRPC against the bundled sample region.</summary>
[Collection(EngineCollection.Name)]
public sealed class RoutingApiTests(EngineFixture engine)
{
    // In the city centre of the sample region, near the provincial hospital.
    private static readonly GeoPoint CityScene = new() { Latitude = 38.02, Longitude = 114.49 };

    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly HospitalService.HospitalServiceClient _hospitals = new(engine.Channel);
    private readonly RoutingService.RoutingServiceClient _routing = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task StemiCall_GetsAnAmbulanceAndADestination_WithReasonsAndEtas()
    {
        var call = await Open("stemi", CityScene);

        var dispatched = await _cases.DispatchAmbulanceAsync(new DispatchAmbulanceRequest { CaseId = call.CaseId, CommandId = $"d-{_run}" });
        await Milestone(call.CaseId, Contracts.V1.Milestone.OnScene);
        var diagnosed = await Diagnose(call.CaseId, DiagnosisKind.SuspectedStemi);

        Assert.Equal(CasePhase.OnScene, diagnosed.Phase);
        Assert.Equal(dispatched.AmbulanceRanking[0].AmbulanceId, dispatched.AmbulanceId);
        Assert.Equal(dispatched.AmbulanceRanking.OrderBy(a => a.EtaMinutes).Select(a => a.AmbulanceId), dispatched.AmbulanceRanking.Select(a => a.AmbulanceId));
        var decision = diagnosed.Decision;
        Assert.Equal(DestinationPlan.PrimaryPci, decision.Plan);
        Assert.Equal(decision.HospitalId, diagnosed.DestinationHospitalId);
        Assert.Equal("fmc_to_device", decision.ProjectedMetric);
        Assert.StartsWith("primary PCI: projected FMC→device", decision.Reason, StringComparison.Ordinal);
        var chosen = decision.Candidates.Single(c => c.HospitalId == decision.HospitalId);
        Assert.True(chosen.Eligible);
        Assert.Equal(decision.EtaMinutes, chosen.EtaMinutes);
        Assert.All(decision.Candidates.Where(c => c.Eligible), c => Assert.True(c.ProjectedMinutes >= chosen.ProjectedMinutes));
        var read = await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });
        Assert.Equal(decision, read.Decision);
        Assert.Contains(read.Timeline, e => e.Milestone == Contracts.V1.Milestone.DestinationChosen && e.Note == decision.Reason);
        await Close(call.CaseId);
    }

    [Fact]
    public async Task BusyCathLabs_SendTheNextPatientElsewhere_AndTheDecisionSaysWhy()
    {
        var first = await Diagnose((await OnScene("busy-1")).CaseId, DiagnosisKind.SuspectedStemi);
        var centre = await _hospitals.GetHospitalAsync(new GetHospitalRequest { HospitalId = first.DestinationHospitalId });

        await _hospitals.UpdateStatusAsync(new UpdateHospitalStatusRequest { HospitalId = centre.Id, CathLabsBusy = centre.CathLabs });
        try
        {
            var next = await Diagnose((await OnScene("busy-2")).CaseId, DiagnosisKind.SuspectedStemi);

            Assert.NotEqual(centre.Id, next.DestinationHospitalId);
            var skipped = next.Decision.Candidates.Single(c => c.HospitalId == centre.Id);
            Assert.False(skipped.Eligible);
            Assert.Equal($"all {centre.CathLabs} cath labs busy", skipped.Note);
            await Close(next.CaseId);
        }
        finally
        {
            await _hospitals.UpdateStatusAsync(new UpdateHospitalStatusRequest { HospitalId = centre.Id, CathLabsBusy = 0 });
            await Close(first.CaseId);
        }
    }

    [Fact]
    public async Task DiversionWhileOnTheRoad_ReroutesThePatient_AndTheTimelineShowsIt()
    {
        var patient = await Diagnose((await OnScene("reroute")).CaseId, DiagnosisKind.SuspectedStemi);
        var first = patient.DestinationHospitalId;

        await _hospitals.UpdateStatusAsync(new UpdateHospitalStatusRequest { HospitalId = first, OnDiversion = true });
        try
        {
            var rerouted = await Eventually.Get(() => _cases.GetCaseAsync(new GetCaseRequest { CaseId = patient.CaseId }).ResponseAsync,
                c => c.DestinationHospitalId != first, "the case to be re-routed away from the diverting centre");

            Assert.Equal("on diversion", rerouted.Decision.Candidates.Single(c => c.HospitalId == first).Note);
            Assert.StartsWith("re-route: ", rerouted.Timeline.Last(e => e.Milestone == Contracts.V1.Milestone.DestinationChosen).Note, StringComparison.Ordinal);
            var hospital = await _hospitals.GetHospitalAsync(new GetHospitalRequest { HospitalId = rerouted.DestinationHospitalId });
            Assert.Contains(patient.CaseId, hospital.IncomingCaseIds);
        }
        finally
        {
            await _hospitals.UpdateStatusAsync(new UpdateHospitalStatusRequest { HospitalId = first, OnDiversion = false });
            await Close(patient.CaseId);
        }
    }

    [Fact]
    public async Task RoadClosure_ChangesTravelTimes_AndLiftingItRestoresThem()
    {
        var from = new GeoPoint { Latitude = 38.06, Longitude = 114.5 };
        var before = await _routing.GetTravelTimeAsync(new GetTravelTimeRequest { From = from, HospitalId = "h-prov-1" });
        var closure = new RoadCondition { Id = $"closure-{_run}", Closed = true };
        // Closes the northern half of the city centre around the scene.
        closure.Area.Add([
            new GeoPoint { Latitude = 38.01, Longitude = 114.46 }, new GeoPoint { Latitude = 38.01, Longitude = 114.54 },
            new GeoPoint { Latitude = 38.05, Longitude = 114.54 }, new GeoPoint { Latitude = 38.05, Longitude = 114.46 },
        ]);

        var set = await _routing.SetRoadConditionAsync(closure);
        var during = await _routing.GetTravelTimeAsync(new GetTravelTimeRequest { From = from, HospitalId = "h-prov-1" });
        var cleared = await _routing.ClearRoadConditionAsync(new ClearRoadConditionRequest { Id = closure.Id });
        var after = await _routing.GetTravelTimeAsync(new GetTravelTimeRequest { From = from, HospitalId = "h-prov-1" });

        Assert.Contains(set.Conditions, c => c.Id == closure.Id && c.Closed);
        Assert.True(during.Minutes > before.Minutes + 1, $"before {before.Minutes}, during {during.Minutes}");
        Assert.DoesNotContain(cleared.Conditions, c => c.Id == closure.Id);
        Assert.Equal(before.Minutes, after.Minutes);
    }

    [Fact]
    public async Task CoverageReport_NamesThePlacesOutsideTheOneHourCircle()
    {
        var report = await _routing.GetCoverageAsync(new GetCoverageRequest());

        var pci = report.Capabilities.Single(c => c.Capability == Capability.Pci);
        Assert.Equal(60, report.CircleMinutes);
        Assert.Equal(5, pci.Centres);
        Assert.InRange(pci.CoveredShare, 0.01, 0.99);
        Assert.Contains(pci.Uncovered, p => p.Kind == "hospital" && p.Id.StartsWith("h-vil-", StringComparison.Ordinal) && p.NearestCentreMinutes > 60);
        Assert.DoesNotContain(pci.Uncovered, p => p.Id == "h-prov-1");
    }

    [Fact]
    public async Task CentresCovering_ListsTheCapableCentresWithinTheCircle_NearestFirst()
    {
        var city = await _routing.GetCentresCoveringAsync(new GetCentresCoveringRequest { Place = CityScene, Capability = Capability.Pci });
        var uncovered = (await _routing.GetCoverageAsync(new GetCoverageRequest())).Capabilities.Single(c => c.Capability == Capability.Pci).Uncovered
            .First(p => p.Kind == "hospital");
        var hospital = await _hospitals.GetHospitalAsync(new GetHospitalRequest { HospitalId = uncovered.Id });
        var remote = await _routing.GetCentresCoveringAsync(new GetCentresCoveringRequest { Place = hospital.Location, Capability = Capability.Pci });

        Assert.Contains(city.Centres, c => c.HospitalId == "h-prov-1");
        Assert.Equal(city.Centres.OrderBy(c => c.Minutes).Select(c => c.HospitalId), city.Centres.Select(c => c.HospitalId));
        Assert.All(city.Centres, c => Assert.True(c.Minutes <= 60));
        Assert.Empty(remote.Centres);
    }

    [Fact]
    public async Task BadRoutingRequests_AreRefusedWithTheReason()
    {
        var noArea = await Assert.ThrowsAsync<RpcException>(() =>
            _routing.SetRoadConditionAsync(new RoadCondition { Id = "x", Closed = true }).ResponseAsync);
        var unknownHospital = await Assert.ThrowsAsync<RpcException>(() =>
            _routing.GetTravelTimeAsync(new GetTravelTimeRequest { From = CityScene, HospitalId = "h-none" }).ResponseAsync);
        var noCapability = await Assert.ThrowsAsync<RpcException>(() =>
            _routing.GetIsochronesAsync(new GetIsochronesRequest()).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "a road condition's area needs at least 3 valid latitude,longitude points"),
            (noArea.StatusCode, noArea.Status.Detail));
        Assert.Equal(StatusCode.NotFound, unknownHospital.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noCapability.StatusCode);
    }

    private async Task<CaseView> OnScene(string name)
    {
        var call = await Open(name, CityScene);
        await _cases.DispatchAmbulanceAsync(new DispatchAmbulanceRequest { CaseId = call.CaseId, CommandId = $"d-{name}-{_run}" });
        return await Milestone(call.CaseId, Contracts.V1.Milestone.OnScene);
    }

    private async Task<CaseView> Open(string name, GeoPoint where) => await _cases.OpenCaseAsync(new OpenCaseRequest
    {
        CommandId = $"routing-{name}-{_run}",
        Location = where,
        Complaint = Complaint.ChestPain,
    });

    private async Task<CaseView> Diagnose(string caseId, DiagnosisKind kind) => await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
    {
        CaseId = caseId,
        CommandId = $"dx-{Guid.NewGuid():N}",
        Milestone = Contracts.V1.Milestone.Diagnosis,
        Diagnosis = new Diagnosis { Kind = kind },
    });

    private async Task<CaseView> Milestone(string caseId, Milestone milestone) => await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
    {
        CaseId = caseId,
        CommandId = $"{milestone}-{Guid.NewGuid():N}",
        Milestone = milestone,
    });

    private Task<CaseView> Close(string caseId) => Milestone(caseId, Contracts.V1.Milestone.Closed);
}
