using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Errors;

namespace Dispatch.Grains.Cases;

/// <summary>
/// The case state machine. Every method validates fully before it changes anything, so a
/// refused command leaves the case exactly as it was.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>How far ahead of the engine's clock a sender's timestamp may be.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Opens the case; false when this exact open was already applied.</summary>
    public static bool Open(CaseState state, string caseId, OpenCaseRequest request, DateTimeOffset now)
    {
        if (state.IsOpened)
        {
            var first = state.Timeline[0];
            return first.CommandId == request.CommandId
                ? false
                : throw new RuleException(RuleViolation.AlreadyExists, $"case {caseId} is already open");
        }

        if (!request.Location.IsValid)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"location {request.Location} is not a valid latitude,longitude");
        }

        if (request.SymptomOnset > now + MaxClockSkew)
        {
            throw new RuleException(RuleViolation.InvalidArgument, "symptom onset is in the future");
        }

        var walkIn = request.PresentingHospitalId is not null;
        state.CaseId = caseId;
        state.IsOpened = true;
        state.Complaint = request.Complaint;
        state.Location = request.Location;
        state.SymptomOnset = request.SymptomOnset;
        state.PatientAge = request.PatientAge;
        state.PatientSex = request.PatientSex;
        state.Phase = walkIn ? CasePhase.AtHospital : CasePhase.Open;
        state.CurrentHospitalId = request.PresentingHospitalId;
        state.Timeline.Add(walkIn
            ? new TimelineEntry(Milestone.ArrivedAtDoor, now, request.CommandId, HospitalId: request.PresentingHospitalId)
            : new TimelineEntry(Milestone.CallReceived, now, request.CommandId));
        return true;
    }

    /// <summary>Records a milestone; false when the command was already applied.</summary>
    public static bool Apply(CaseState state, CaseCommand command, DateTimeOffset now)
    {
        var entry = Plan(state, command, now);
        if (entry is null)
        {
            return false;
        }

        Commit(state, entry);
        return true;
    }

    /// <summary>
    /// Checks a command against the case without changing it: the entry it would add, or null
    /// when it changes nothing. Lets a caller reserve resources (an ambulance) before committing.
    /// </summary>
    public static TimelineEntry? Plan(CaseState state, CaseCommand command, DateTimeOffset now)
    {
        if (!state.IsOpened)
        {
            throw new RuleException(RuleViolation.NotFound, "the case has not been opened");
        }

        var earlier = state.Timeline.Find(e => e.CommandId == command.CommandId);
        if (earlier is not null)
        {
            return earlier.Milestone == command.Milestone
                ? null
                : throw new RuleException(RuleViolation.CommandIdConflict,
                    $"command id {command.CommandId} was already used for {earlier.Milestone}");
        }

        if (!MilestoneRules.All.TryGetValue(command.Milestone, out var rule))
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"unknown milestone {command.Milestone}");
        }

        return Validate(state, command, rule, now);
    }

    /// <summary>Adds a planned entry and moves the case to its next phase.</summary>
    public static void Commit(CaseState state, TimelineEntry entry)
    {
        state.Timeline.Add(entry);
        Advance(state, entry, MilestoneRules.All[entry.Milestone]);
    }

    /// <summary>The entry to record, or null when the milestone is already true (a second acknowledgement).</summary>
    private static TimelineEntry? Validate(CaseState state, CaseCommand command, MilestoneRule rule, DateTimeOffset now)
    {
        if (!rule.AllowedIn.Contains(state.Phase))
        {
            throw new RuleException(RuleViolation.IllegalTransition,
                $"{command.Milestone} cannot be recorded while the case is {state.Phase}");
        }

        if (rule.Once && state.Has(command.Milestone))
        {
            throw new RuleException(RuleViolation.IllegalTransition, $"{command.Milestone} was already recorded");
        }

        var at = command.At ?? now;
        if (at > now + MaxClockSkew)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"{command.Milestone} time {at:O} is in the future");
        }

        if (at < state.Timeline[0].At)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"{command.Milestone} time {at:O} is before the case was opened");
        }

        var hospitalId = command.HospitalId ?? DefaultHospital(state, command.Milestone);
        if (rule.NeedsHospital && string.IsNullOrEmpty(hospitalId))
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"{command.Milestone} needs a hospital id");
        }

        if (rule.NeedsAmbulance && string.IsNullOrEmpty(command.AmbulanceId))
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"{command.Milestone} needs an ambulance id");
        }

        if (rule.NeedsDiagnosis && command.Diagnosis is null)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"{command.Milestone} needs a diagnosis");
        }

        switch (command.Milestone)
        {
            case Milestone.EcgTransmitted when !state.Has(Milestone.FirstEcg):
                throw new RuleException(RuleViolation.IllegalTransition, "an ECG is transmitted only after the first ECG is recorded");
            case Milestone.PreAlertAcknowledged when !state.Timeline.Exists(e => e.Milestone == Milestone.PreAlertSent && e.HospitalId == hospitalId):
                throw new RuleException(RuleViolation.IllegalTransition, $"no pre-alert was sent to {hospitalId}");
            case Milestone.PreAlertAcknowledged when state.Timeline.Exists(e => e.Milestone == Milestone.PreAlertAcknowledged && e.HospitalId == hospitalId):
                return null;
        }

        return new TimelineEntry(command.Milestone, at, command.CommandId, hospitalId, command.AmbulanceId,
            command.Diagnosis, command.Note, command.RecordedBy);
    }

    private static string? DefaultHospital(CaseState state, Milestone milestone) => milestone switch
    {
        Milestone.PreAlertSent or Milestone.PreAlertAcknowledged or Milestone.TeamActivated or Milestone.ArrivedAtDoor
            => state.DestinationHospitalId,
        Milestone.DoorOut or Milestone.Device or Milestone.Needle or Milestone.Handover => state.CurrentHospitalId,
        _ => null,
    };

    private static void Advance(CaseState state, TimelineEntry entry, MilestoneRule rule)
    {
        switch (entry.Milestone)
        {
            case Milestone.AmbulanceDispatched:
                state.AmbulanceId = entry.AmbulanceId;
                if (state.Phase == CasePhase.Open)
                {
                    state.Phase = CasePhase.Dispatched;
                }

                break;
            case Milestone.Diagnosis or Milestone.EcgRead:
                state.Diagnosis = entry.Diagnosis;
                break;
            case Milestone.DestinationChosen:
                state.DestinationHospitalId = entry.HospitalId;
                break;
            case Milestone.ArrivedAtDoor:
                state.CurrentHospitalId = entry.HospitalId;
                break;
            case Milestone.DoorOut:
                // Leaving the destination itself (a transfer onwards): it no longer is one.
                if (state.DestinationHospitalId == state.CurrentHospitalId)
                {
                    state.DestinationHospitalId = null;
                }

                state.CurrentHospitalId = null;
                break;
        }

        if (rule.Next is { } next)
        {
            state.Phase = next;
        }
    }
}
