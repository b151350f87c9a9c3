using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Errors;
using Dispatch.Grains.Cases;

namespace Dispatch.Tests.Cases;

/// <summary>Illegal transitions, bad commands and repeats: refused or ignored, never half-applied.</summary>
public sealed class CaseLifecycleRuleTests
{
    public static TheoryData<Milestone> MilestonesIllegalRightAfterTheCall =>
    [
        Milestone.OnScene, Milestone.FirstEcg, Milestone.EcgTransmitted, Milestone.Diagnosis, Milestone.LeftScene,
        Milestone.ArrivedAtDoor, Milestone.DoorOut, Milestone.Device, Milestone.Needle, Milestone.Handover,
        Milestone.CallReceived,
    ];

    [Theory]
    [MemberData(nameof(MilestonesIllegalRightAfterTheCall))]
    public void Apply_IllegalRightAfterTheCall_IsRefusedAndChangesNothing(Milestone milestone)
    {
        var script = CaseScript.Call();
        var before = script.State.Timeline.ToList();

        var error = Assert.Throws<RuleException>(() =>
            script.Record(milestone, hospital: "h-1", diagnosis: new Diagnosis(DiagnosisKind.Other)));

        Assert.Equal(RuleViolation.IllegalTransition, error.Violation);
        Assert.Contains(milestone.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, script.State.Timeline);
        Assert.Equal(CasePhase.Open, script.State.Phase);
    }

    [Fact]
    public void Apply_AfterClosed_IsRefused()
    {
        var script = CaseScript.Call().At(1, Milestone.Closed);

        var error = Assert.Throws<RuleException>(() => script.Record(Milestone.AmbulanceDispatched, ambulance: "amb-1"));

        Assert.Equal(RuleViolation.IllegalTransition, error.Violation);
        Assert.Equal("AmbulanceDispatched cannot be recorded while the case is Closed", error.Message);
    }

    [Fact]
    public void Apply_DeviceTwice_IsRefused()
    {
        var script = AtHospital().At(40, Milestone.Device);

        var error = Assert.Throws<RuleException>(() => script.Record(Milestone.Device));

        Assert.Equal("Device was already recorded", error.Message);
        Assert.Single(script.State.Timeline, e => e.Milestone == Milestone.Device);
    }

    [Fact]
    public void Apply_EcgTransmittedBeforeFirstEcg_IsRefused()
    {
        var script = OnScene();

        var error = Assert.Throws<RuleException>(() => script.Record(Milestone.EcgTransmitted));

        Assert.Equal(RuleViolation.IllegalTransition, error.Violation);
    }

    [Fact]
    public void Apply_AcknowledgeWithoutPreAlert_IsRefused()
    {
        var script = OnScene().At(15, Milestone.DestinationChosen, hospital: "pci-1");

        var error = Assert.Throws<RuleException>(() => script.Record(Milestone.PreAlertAcknowledged));

        Assert.Equal("no pre-alert was sent to pci-1", error.Message);
    }

    [Fact]
    public void Apply_SecondAcknowledgementWithANewCommandId_ChangesNothing()
    {
        var script = OnScene()
            .At(15, Milestone.DestinationChosen, hospital: "pci-1")
            .At(15, Milestone.PreAlertSent)
            .At(16, Milestone.PreAlertAcknowledged);
        var count = script.State.Timeline.Count;

        script.At(17, Milestone.PreAlertAcknowledged);

        Assert.Equal(count, script.State.Timeline.Count);
        Assert.Equal(CaseScript.CallTime.AddMinutes(16),
            script.State.Timeline.Single(e => e.Milestone == Milestone.PreAlertAcknowledged).At);
    }

    [Fact]
    public void Apply_SameCommandTwice_IsIdempotent()
    {
        var script = CaseScript.Call();
        var command = script.Command(Milestone.AmbulanceDispatched, ambulance: "amb-1");

        Assert.True(CaseLifecycle.Apply(script.State, command, script.Now));
        Assert.False(CaseLifecycle.Apply(script.State, command, script.Now.AddMinutes(5)));

        Assert.Equal(2, script.State.Timeline.Count);
        Assert.Equal(script.Now, script.State.Timeline[1].At);
    }

    [Fact]
    public void Apply_CommandIdReusedForAnotherMilestone_IsAConflict()
    {
        var script = CaseScript.Call();
        CaseLifecycle.Apply(script.State, new CaseCommand("x", Milestone.AmbulanceDispatched, AmbulanceId: "amb-1"), script.Now);

        var error = Assert.Throws<RuleException>(() =>
            CaseLifecycle.Apply(script.State, new CaseCommand("x", Milestone.OnScene), script.Now));

        Assert.Equal(RuleViolation.CommandIdConflict, error.Violation);
        Assert.Equal(CasePhase.Dispatched, script.State.Phase);
    }

    [Fact]
    public void Open_Twice_WithTheSameCommand_IsIdempotent_AndWithAnotherIsRefused()
    {
        var script = CaseScript.Call();
        var again = new OpenCaseRequest("open-1", CaseScript.Scene, Complaint.ChestPain);

        Assert.False(CaseLifecycle.Open(script.State, "case-1", again, script.Now.AddMinutes(1)));
        var error = Assert.Throws<RuleException>(() =>
            CaseLifecycle.Open(script.State, "case-1", again with { CommandId = "open-2" }, script.Now));

        Assert.Equal(RuleViolation.AlreadyExists, error.Violation);
        Assert.Single(script.State.Timeline);
    }

    [Fact]
    public void Apply_TimeInTheFuture_IsRefused()
    {
        var script = CaseScript.Call();
        var command = new CaseCommand("c", Milestone.AmbulanceDispatched, script.Now.AddMinutes(5), AmbulanceId: "amb-1");

        var error = Assert.Throws<RuleException>(() => CaseLifecycle.Apply(script.State, command, script.Now));

        Assert.Equal(RuleViolation.InvalidArgument, error.Violation);
        Assert.Contains("in the future", error.Message, StringComparison.Ordinal);
        Assert.Equal(CasePhase.Open, script.State.Phase);
    }

    [Fact]
    public void Apply_TimeBeforeTheCall_IsRefused()
    {
        var script = CaseScript.Call();
        var command = new CaseCommand("c", Milestone.AmbulanceDispatched, script.Now.AddHours(-1), AmbulanceId: "amb-1");

        var error = Assert.Throws<RuleException>(() => CaseLifecycle.Apply(script.State, command, script.Now));

        Assert.Contains("before the case was opened", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MissingRequiredDetail_SaysWhichIsMissing()
    {
        var script = CaseScript.Call();

        var noAmbulance = Assert.Throws<RuleException>(() => script.Record(Milestone.AmbulanceDispatched));
        var noHospital = Assert.Throws<RuleException>(() => script.Record(Milestone.DestinationChosen));

        Assert.Equal("AmbulanceDispatched needs an ambulance id", noAmbulance.Message);
        Assert.Equal("DestinationChosen needs a hospital id", noHospital.Message);
    }

    [Fact]
    public void Open_WithInvalidLocation_IsRefused()
    {
        var state = new CaseState();
        var request = new OpenCaseRequest("o", new(double.NaN, 10), Complaint.ChestPain);

        var error = Assert.Throws<RuleException>(() => CaseLifecycle.Open(state, "c", request, CaseScript.CallTime));

        Assert.Equal(RuleViolation.InvalidArgument, error.Violation);
        Assert.False(state.IsOpened);
    }

    private static CaseScript OnScene() => CaseScript.Call()
        .At(1, Milestone.AmbulanceDispatched, ambulance: "amb-1")
        .At(10, Milestone.OnScene);

    private static CaseScript AtHospital() => OnScene()
        .At(11, Milestone.DestinationChosen, hospital: "pci-1")
        .At(12, Milestone.LeftScene)
        .At(30, Milestone.ArrivedAtDoor);
}
