using Dispatch.Contracts.Cases;
using Dispatch.Grains.Cases;

namespace Dispatch.Tests.Cases;

/// <summary>Every legal path through the lifecycle, with the metrics it produces.</summary>
public sealed class CaseLifecyclePathTests
{
    private static readonly Diagnosis Stemi = new(DiagnosisKind.SuspectedStemi);

    [Fact]
    public void DirectToPci_RecordsEveryMilestone_AndMeasuresFmcToDevice()
    {
        var script = CaseScript.Call()
            .At(0.75, Milestone.AmbulanceDispatched, ambulance: "amb-1")
            .At(12, Milestone.OnScene)
            .At(17, Milestone.FirstEcg)
            .At(19, Milestone.EcgTransmitted)
            .At(21, Milestone.Diagnosis, diagnosis: Stemi)
            .At(22, Milestone.DestinationChosen, hospital: "pci-1")
            .At(22, Milestone.PreAlertSent)
            .At(24, Milestone.PreAlertAcknowledged)
            .At(25, Milestone.TeamActivated)
            .At(26, Milestone.LeftScene)
            .At(58, Milestone.ArrivedAtDoor)
            .At(95, Milestone.Device)
            .At(110, Milestone.Handover)
            .At(300, Milestone.Closed);

        Assert.Equal(CasePhase.Closed, script.State.Phase);
        Assert.Equal(15, script.State.Timeline.Count);
        Assert.Equal("pci-1", script.State.Timeline.Single(e => e.Milestone == Milestone.ArrivedAtDoor).HospitalId);
        Assert.Equal(0.75, script.Metric(CaseMetricNames.CallToDispatch));
        Assert.Equal(5, script.Metric(CaseMetricNames.FmcToEcg));
        Assert.Equal(83, script.Metric(CaseMetricNames.FmcToDevice));
        Assert.Equal(37, script.Metric(CaseMetricNames.DoorToDevice));
        Assert.Null(script.Metric(CaseMetricNames.DoorInDoorOut));
        var fmcToDevice = script.MetricWithTarget(CaseMetricNames.FmcToDevice);
        Assert.Equal(90, fmcToDevice.TargetMinutes);
        Assert.True(fmcToDevice.MetTarget);
    }

    [Fact]
    public void StrokeThrombolysis_MeasuresDoorToNeedleAndOnsetToDoor_AgainstStrokeTargets()
    {
        var onset = CaseScript.CallTime.AddMinutes(-50);
        var script = CaseScript.Call(Complaint.StrokeSymptoms, onset)
            .At(1, Milestone.AmbulanceDispatched, ambulance: "amb-1")
            .At(10, Milestone.OnScene)
            .At(14, Milestone.Diagnosis, diagnosis: new Diagnosis(DiagnosisKind.SuspectedStroke, "RACE", 3, onset))
            .At(15, Milestone.DestinationChosen, hospital: "stroke-1")
            .At(16, Milestone.LeftScene)
            .At(40, Milestone.ArrivedAtDoor)
            .At(105, Milestone.Needle);

        Assert.Equal(CasePhase.AtHospital, script.State.Phase);
        var doorToNeedle = script.MetricWithTarget(CaseMetricNames.DoorToNeedle);
        Assert.Equal(65, doorToNeedle.Minutes);
        Assert.Equal(60, doorToNeedle.TargetMinutes);
        Assert.False(doorToNeedle.MetTarget);
        Assert.Equal(90, script.Metric(CaseMetricNames.OnsetToDoor));
        Assert.Equal("RACE", script.State.Diagnosis!.LvoScale);
    }

    [Fact]
    public void WalkInAtTownship_TransferredToPci_MeasuresDoorInDoorOut_AgainstTransferTarget()
    {
        var script = CaseScript.WalkIn("twp-1")
            .At(6, Milestone.FirstEcg)
            .At(8, Milestone.EcgTransmitted)
            .At(14, Milestone.Diagnosis, diagnosis: new Diagnosis(DiagnosisKind.ConfirmedStemi))
            .At(15, Milestone.DestinationChosen, hospital: "pci-1")
            .At(16, Milestone.AmbulanceDispatched, ambulance: "amb-2")
            .At(41, Milestone.DoorOut)
            .At(80, Milestone.ArrivedAtDoor)
            .At(118, Milestone.Device);

        Assert.Equal(41, script.Metric(CaseMetricNames.DoorInDoorOut));
        Assert.Equal(6, script.Metric(CaseMetricNames.FmcToEcg));
        Assert.Equal(38, script.Metric(CaseMetricNames.DoorToDevice));
        var fmcToDevice = script.MetricWithTarget(CaseMetricNames.FmcToDevice);
        Assert.Equal(118, fmcToDevice.Minutes);
        Assert.Equal(120, fmcToDevice.TargetMinutes);
        Assert.True(fmcToDevice.MetTarget);
        Assert.Equal("pci-1", script.State.CurrentHospitalId);
        Assert.Null(script.Metric(CaseMetricNames.CallToDispatch));
    }

    [Fact]
    public void DripAndShip_NeedleAtCountyThenDeviceAtPci_MeasuresEachAtItsOwnDoor()
    {
        var script = CaseScript.Call()
            .At(1, Milestone.AmbulanceDispatched, ambulance: "amb-1")
            .At(20, Milestone.OnScene)
            .At(24, Milestone.FirstEcg)
            .At(26, Milestone.Diagnosis, diagnosis: Stemi)
            .At(27, Milestone.DestinationChosen, hospital: "cty-1")
            .At(28, Milestone.LeftScene)
            .At(45, Milestone.ArrivedAtDoor)
            .At(70, Milestone.Needle)
            .At(71, Milestone.DestinationChosen, hospital: "pci-1")
            .At(80, Milestone.DoorOut)
            .At(150, Milestone.ArrivedAtDoor)
            .At(200, Milestone.Device);

        Assert.Equal(25, script.Metric(CaseMetricNames.DoorToNeedle));
        Assert.Equal(30, script.MetricWithTarget(CaseMetricNames.DoorToNeedle).TargetMinutes);
        Assert.Equal(35, script.Metric(CaseMetricNames.DoorInDoorOut));
        Assert.Equal(50, script.Metric(CaseMetricNames.DoorToDevice));
        Assert.Equal(180, script.Metric(CaseMetricNames.FmcToDevice));
        Assert.False(script.MetricWithTarget(CaseMetricNames.FmcToDevice).MetTarget);
    }

    [Fact]
    public void CancelledCall_ClosesFromOpen()
    {
        var script = CaseScript.Call().At(3, Milestone.Closed);

        Assert.Equal(CasePhase.Closed, script.State.Phase);
        Assert.All(new CaseMetricsCalculator(new ClinicalTargets()).Calculate(script.State), m => Assert.Null(m.Minutes));
    }

    [Fact]
    public void Reassignment_ReplacesTheAmbulanceWhileDispatched()
    {
        var script = CaseScript.Call()
            .At(1, Milestone.AmbulanceDispatched, ambulance: "amb-1")
            .At(3, Milestone.AmbulanceDispatched, ambulance: "amb-2");

        Assert.Equal("amb-2", script.State.AmbulanceId);
        Assert.Equal(CasePhase.Dispatched, script.State.Phase);
        Assert.Equal(1, script.Metric(CaseMetricNames.CallToDispatch));
    }

    [Fact]
    public void Targets_AreTakenFromConfiguration()
    {
        var script = CaseScript.Call().At(2, Milestone.AmbulanceDispatched, ambulance: "amb-1");

        var metric = new CaseMetricsCalculator(new ClinicalTargets { CallToDispatch = 3 })
            .Calculate(script.State).Single(m => m.Name == CaseMetricNames.CallToDispatch);

        Assert.Equal(3, metric.TargetMinutes);
        Assert.True(metric.MetTarget);
    }
}
