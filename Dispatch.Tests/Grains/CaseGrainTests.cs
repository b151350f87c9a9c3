using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CaseGrainTests(ClusterFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Record_Dispatch_AssignsTheAmbulanceToTheCase()
    {
        var caseGrain = await OpenCase("a");

        var snapshot = await caseGrain.Record(Dispatch("amb-1"));

        Assert.Equal(CasePhase.Dispatched, snapshot.Phase);
        var ambulance = await fixture.Grains.GetGrain<IAmbulanceGrain>("amb-1").GetSnapshot();
        Assert.Equal(AmbulanceStatus.Dispatched, ambulance.Status);
        Assert.Equal(snapshot.CaseId, ambulance.CaseId);
        await caseGrain.Record(Command(Milestone.Closed));
    }

    [Fact]
    public async Task Record_DispatchOfABusyAmbulance_IsRefusedAndTheSecondCaseStaysOpen()
    {
        var first = await OpenCase("b1");
        var second = await OpenCase("b2");
        await first.Record(Dispatch("amb-2"));

        var error = await Assert.ThrowsAsync<RuleException>(() => second.Record(Dispatch("amb-2")));

        Assert.Equal(RuleViolation.IllegalTransition, error.Violation);
        Assert.Contains("already serving case", error.Message, StringComparison.Ordinal);
        Assert.Equal(CasePhase.Open, (await second.GetSnapshot())!.Phase);
        Assert.Equal((await first.GetSnapshot())!.CaseId, (await fixture.Grains.GetGrain<IAmbulanceGrain>("amb-2").GetSnapshot()).CaseId);
        await first.Record(Command(Milestone.Closed));
        await second.Record(Command(Milestone.Closed));
    }

    [Fact]
    public async Task Journey_MovesAmbulanceAndHospitalAlong_AndFreesThemAtHandover()
    {
        var caseGrain = await OpenCase("c");
        var caseId = (await caseGrain.GetSnapshot())!.CaseId;
        var hospital = fixture.Grains.GetGrain<IHospitalGrain>("pci-1");
        var ambulance = fixture.Grains.GetGrain<IAmbulanceGrain>("amb-3");

        await caseGrain.Record(Dispatch("amb-3"));
        await caseGrain.Record(Command(Milestone.OnScene));
        await caseGrain.Record(Command(Milestone.DestinationChosen, hospital: "pci-1"));
        Assert.Contains(caseId, (await hospital.GetSnapshot()).IncomingCaseIds);
        await caseGrain.Record(Command(Milestone.LeftScene));
        Assert.Equal(AmbulanceStatus.Transporting, (await ambulance.GetSnapshot()).Status);
        await caseGrain.Record(Command(Milestone.ArrivedAtDoor));
        Assert.DoesNotContain(caseId, (await hospital.GetSnapshot()).IncomingCaseIds);
        Assert.Equal(AmbulanceStatus.AtHospital, (await ambulance.GetSnapshot()).Status);
        await caseGrain.Record(Command(Milestone.Handover));

        var freed = await ambulance.GetSnapshot();
        Assert.Equal(AmbulanceStatus.Available, freed.Status);
        Assert.Null(freed.CaseId);
        Assert.Equal(CasePhase.AtHospital, (await caseGrain.GetSnapshot())!.Phase);
        await caseGrain.Record(Command(Milestone.Closed));
    }

    [Fact]
    public async Task Record_UnknownHospital_IsNotFound_AndNothingIsRecorded()
    {
        var caseGrain = await OpenCase("d");

        var error = await Assert.ThrowsAsync<RuleException>(() =>
            caseGrain.Record(Command(Milestone.DestinationChosen, hospital: "nowhere")));

        Assert.Equal(RuleViolation.NotFound, error.Violation);
        Assert.Equal("unknown hospital 'nowhere'", error.Message);
        Assert.Single((await caseGrain.GetSnapshot())!.Timeline);
        await caseGrain.Record(Command(Milestone.Closed));
    }

    [Fact]
    public async Task ActiveCases_ListsOpenCasesUntilTheyClose()
    {
        var caseGrain = await OpenCase("e");
        var caseId = (await caseGrain.GetSnapshot())!.CaseId;
        var index = fixture.Grains.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey);
        Assert.Contains(caseId, await index.List());

        await caseGrain.Record(Command(Milestone.Closed));

        Assert.DoesNotContain(caseId, await index.List());
    }

    [Fact]
    public async Task Record_OnACaseNeverOpened_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RuleException>(() =>
            fixture.Grains.GetGrain<ICaseGrain>($"ghost-{_run}").Record(Command(Milestone.OnScene)));

        Assert.Equal(RuleViolation.NotFound, error.Violation);
        Assert.Null(await fixture.Grains.GetGrain<ICaseGrain>($"ghost-{_run}").GetSnapshot());
    }

    [Fact]
    public async Task DoorOut_FromTheDestinationItself_ChoosesAnewSoThatNoCaseTravelsToAHospitalThatDoesNotExpectIt()
    {
        var caseGrain = await OpenCase("door-out");
        var caseId = (await caseGrain.GetSnapshot())!.CaseId;
        await caseGrain.Record(Dispatch("amb-5"));
        await caseGrain.Record(Command(Milestone.OnScene));
        await caseGrain.Record(Command(Milestone.DestinationChosen, hospital: "twp-1"));
        await caseGrain.Record(Command(Milestone.LeftScene));
        await caseGrain.Record(Command(Milestone.ArrivedAtDoor));

        var leaving = await caseGrain.Record(Command(Milestone.DoorOut));

        Assert.Equal(CasePhase.Transporting, leaving.Phase);
        if (leaving.DestinationHospitalId is { } next)
        {
            Assert.Contains(caseId, (await fixture.Grains.GetGrain<IHospitalGrain>(next).GetSnapshot()).IncomingCaseIds);
        }

        Assert.DoesNotContain(caseId, (await fixture.Grains.GetGrain<IHospitalGrain>("twp-1").GetSnapshot()).IncomingCaseIds);
        Assert.NotEqual("twp-1", leaving.DestinationHospitalId);
        await caseGrain.Record(Command(Milestone.Closed));
    }

    private async Task<ICaseGrain> OpenCase(string name)
    {
        var grain = fixture.Grains.GetGrain<ICaseGrain>($"case-{name}-{_run}");
        await grain.Open(new OpenCaseRequest($"open-{name}-{_run}", new(38.0, 114.6), Complaint.ChestPain));
        return grain;
    }

    private static CaseCommand Dispatch(string ambulance) =>
        Command(Milestone.AmbulanceDispatched, ambulance: ambulance);

    private static CaseCommand Command(Milestone milestone, string? hospital = null, string? ambulance = null) =>
        new(Guid.NewGuid().ToString("N"), milestone, null, hospital, ambulance);
}
