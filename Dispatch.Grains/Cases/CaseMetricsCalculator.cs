using System.Collections.Immutable;
using Dispatch.Contracts.Cases;

namespace Dispatch.Grains.Cases;

/// <summary>Derives the clinical intervals of a case from its timeline.</summary>
public sealed class CaseMetricsCalculator(ClinicalTargets targets)
{
    public ImmutableArray<CaseMetric> Calculate(CaseState state)
    {
        var timeline = state.Timeline;
        var firstContact = FirstMedicalContact(state);
        var device = state.First(Milestone.Device);
        var needle = state.First(Milestone.Needle);
        var firstDoorOut = state.First(Milestone.DoorOut);
        var transferred = firstDoorOut is not null;
        var isStroke = state.Diagnosis?.Kind == DiagnosisKind.SuspectedStroke
            || (state.Diagnosis is null && state.Complaint == Complaint.StrokeSymptoms);

        return
        [
            Metric(CaseMetricNames.CallToDispatch, state.First(Milestone.CallReceived)?.At,
                state.First(Milestone.AmbulanceDispatched)?.At, targets.CallToDispatch),
            Metric(CaseMetricNames.FmcToEcg, firstContact, state.First(Milestone.FirstEcg)?.At, targets.FmcToEcg),
            Metric(CaseMetricNames.FmcToDevice, firstContact, device?.At,
                transferred ? targets.FmcToDeviceTransferred : targets.FmcToDeviceDirect),
            Metric(CaseMetricNames.DoorToDevice, LastDoorBefore(timeline, device), device?.At, targets.DoorToDevice),
            Metric(CaseMetricNames.DoorInDoorOut, LastDoorBefore(timeline, firstDoorOut), firstDoorOut?.At,
                targets.DoorInDoorOut),
            Metric(CaseMetricNames.DoorToNeedle, LastDoorBefore(timeline, needle), needle?.At,
                isStroke ? targets.StrokeDoorToNeedle : targets.StemiDoorToNeedle),
            Metric(CaseMetricNames.OnsetToDoor, state.SymptomOnset, state.First(Milestone.ArrivedAtDoor)?.At,
                isStroke ? targets.StrokeOnsetToDoor : null),
        ];
    }

    /// <summary>Arrival of the crew; for a walk-in patient, arrival at the first hospital.</summary>
    private static DateTimeOffset? FirstMedicalContact(CaseState state) =>
        state.First(Milestone.OnScene)?.At ?? state.First(Milestone.ArrivedAtDoor)?.At;

    /// <summary>The door of the hospital where <paramref name="end"/> happened.</summary>
    private static DateTimeOffset? LastDoorBefore(List<TimelineEntry> timeline, TimelineEntry? end)
    {
        if (end is null)
        {
            return null;
        }

        var index = timeline.IndexOf(end);
        var door = timeline.FindLastIndex(index, index + 1, e => e.Milestone == Milestone.ArrivedAtDoor);
        return door >= 0 ? timeline[door].At : null;
    }

    private static CaseMetric Metric(string name, DateTimeOffset? start, DateTimeOffset? end, double? target) =>
        new(name, start is { } s && end is { } e ? (e - s).TotalMinutes : null, target);
}
