using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Cases;
using System.Collections.Immutable;
using Dispatch.Contracts.Crew;
using Dispatch.Contracts.Ecg;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Feed;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Audit;
using Dispatch.Grains.Feed;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Grains.Storage;
using Dispatch.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Cases;

/// <summary>
/// One emergency. The timeline is written to storage before a call returns, so a milestone the
/// caller saw confirmed is never lost. Ambulances and hospitals are told after the write; their
/// updates are idempotent, so a retried command repairs a notification that failed.
/// </summary>
public sealed class CaseGrain(
    [PersistentState("case", StorageNames.Dispatch)] IPersistentState<CaseState> state,
    RegionCatalog catalog,
    CaseMetricsCalculator metrics,
    IOptions<PreAlertOptions> preAlertOptions,
    IOptions<DestinationPolicyOptions> policyOptions,
    RegionFeedPublisher feed,
    IAuditTrail audit,
    TimeProvider time) : Grain, ICaseGrain, IRemindable
{
    /// <summary>Chases an unacknowledged pre-alert; a reminder, so it survives the silo that set it.</summary>
    public const string PreAlertReminder = "pre-alert";

    private static readonly TimeSpan RepairInterval = TimeSpan.FromSeconds(1);

    /// <summary>Retries <see cref="Reconcile"/> every second while a change's notifications are not known to be done.</summary>
    private IGrainTimer? _repair;

    public async Task<CaseSnapshot> Open(OpenCaseRequest request)
    {
        if (request.PresentingHospitalId is { } hospitalId)
        {
            catalog.GetHospital(hospitalId);
        }

        if (CaseLifecycle.Open(state.State, this.GetPrimaryKeyString(), request, time.GetUtcNow()))
        {
            await Save();
        }

        // Two region-wide grains, each with its own queue: the call waits for the slower, not for both in turn.
        await Task.WhenAll(GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).Add(state.State.CaseId), ReportOutcome());
        return Snapshot();
    }

    public async Task<CaseSnapshot> Record(CaseCommand command)
    {
        EnsureOpened();
        var entry = CaseLifecycle.Plan(state.State, command, time.GetUtcNow());
        if (entry is null)
        {
            // A retry: what the first attempt did not finish (notifications, the destination it decides) is done now.
            await Reconcile();
            var earlier = state.State.Timeline.Find(e => e.CommandId == command.CommandId);
            return earlier is not null && DecidesDestination(earlier) ? await ChooseDestination($"{command.CommandId}/destination") : Snapshot();
        }

        CheckReferences(entry);
        if (entry.Milestone == Milestone.AmbulanceDispatched)
        {
            // Reserve the ambulance first: if it is busy the case stays as it was.
            await GrainFactory.GetGrain<IAmbulanceGrain>(entry.AmbulanceId!).Assign(Assignment(null));
        }

        await Commit(entry);
        return DecidesDestination(entry) ? await ChooseDestination($"{command.CommandId}/destination") : Snapshot();
    }

    /// <summary>
    /// A working diagnosis decides the pathway, and a transfer leaving its hospital needs a next one:
    /// either way the destination follows at once.
    /// </summary>
    private bool DecidesDestination(TimelineEntry entry) =>
        entry.Milestone == Milestone.Diagnosis || (entry.Milestone == Milestone.DoorOut && state.State.DestinationHospitalId is null) ||
        (entry.Milestone == Milestone.EcgRead && entry.Diagnosis?.Kind == DiagnosisKind.ConfirmedStemi && state.State.DestinationHospitalId is null);

    public async Task<CaseSnapshot> DispatchNearestAmbulance(string commandId)
    {
        EnsureOpened();
        using var trace = DispatchTelemetry.Source.StartActivity("ambulance decision");
        trace?.SetTag("dispatch.case", state.State.CaseId);
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var ranking = await Routing.RankAmbulances(state.State.Location);
        var probe = new CaseCommand(commandId, Milestone.AmbulanceDispatched, AmbulanceId: ranking.FirstOrDefault()?.AmbulanceId ?? "none");
        if (CaseLifecycle.Plan(state.State, probe, now) is null)
        {
            await Reconcile();
            return Snapshot();
        }

        foreach (var candidate in ranking)
        {
            try
            {
                await GrainFactory.GetGrain<IAmbulanceGrain>(candidate.AmbulanceId).Assign(Assignment(candidate.EtaMinutes));
            }
            catch (RuleException e) when (e.Violation == RuleViolation.IllegalTransition)
            {
                // Taken by another call since the ranking was made: the next one in line goes.
                continue;
            }

            state.State.AmbulanceRanking = [.. ranking.Take(MaxRankingKept)];
            var note = $"nearest available ambulance: {candidate.EtaMinutes:F1} min by road";
            Audit(now, "ambulance decision", candidate.AmbulanceId, "dispatched", note);
            await Commit(new TimelineEntry(Milestone.AmbulanceDispatched, now, commandId, AmbulanceId: candidate.AmbulanceId, Note: note));
            DispatchTelemetry.DecisionDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, DispatchTelemetry.Kind("ambulance"));
            return Snapshot();
        }

        throw new RuleException(RuleViolation.IllegalTransition, "no ambulance is available for this call");
    }

    public async Task<CaseSnapshot> ChooseDestination(string commandId)
    {
        EnsureOpened();
        var now = time.GetUtcNow();
        if (state.State.Phase == CasePhase.Closed)
        {
            throw new RuleException(RuleViolation.IllegalTransition, "a closed case has no destination to choose");
        }

        if (state.State.Timeline.Exists(e => e.CommandId == commandId))
        {
            await Reconcile();
            return Snapshot();
        }

        using var trace = DispatchTelemetry.Source.StartActivity("destination decision");
        trace?.SetTag("dispatch.case", state.State.CaseId);
        var started = time.GetTimestamp();
        var decision = await Routing.Decide(await Query(now), policyOptions.Value.Policy);
        state.State.Decisions.Add(decision);
        Audit(now, "destination decision", decision.HospitalId, decision.HospitalId is null ? "no destination" : "chosen", $"{decision.Policy}: {decision.Reason}");
        if (decision.HospitalId is null)
        {
            await Save();
            return Snapshot();
        }

        var entry = CaseLifecycle.Plan(state.State,
            new CaseCommand(commandId, Milestone.DestinationChosen, now, decision.HospitalId, Note: decision.Reason), now)!;
        await Commit(entry);
        DispatchTelemetry.DecisionDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, DispatchTelemetry.Kind("destination"));
        return Snapshot();
    }

    public async Task ReevaluateDestination()
    {
        if (!state.State.IsOpened || state.State.Decisions.Count == 0 ||
            state.State.Phase is not (CasePhase.Dispatched or CasePhase.OnScene or CasePhase.Transporting))
        {
            return;
        }

        var now = time.GetUtcNow();
        var decision = await Routing.Decide(await Query(now), policyOptions.Value.Policy);
        var keep = decision.HospitalId is null || decision.HospitalId == state.State.DestinationHospitalId;
        Audit(now, "destination re-evaluation", decision.HospitalId ?? state.State.DestinationHospitalId, keep ? "kept" : "re-routed", $"{decision.Policy}: {decision.Reason}");
        if (keep)
        {
            return;
        }

        state.State.Decisions.Add(decision);
        var reroute = new CaseCommand($"reroute-{state.State.Decisions.Count}", Milestone.DestinationChosen, now,
            decision.HospitalId, Note: "re-route: " + decision.Reason);
        await Commit(CaseLifecycle.Plan(state.State, reroute, now)!);
    }

    public async Task UpdateEta(string hospitalId, double minutes)
    {
        if (!state.State.IsOpened || state.State.DestinationHospitalId != hospitalId || state.State.Phase != CasePhase.Transporting)
        {
            return;
        }

        state.State.EtaMinutes = Math.Round(minutes, 1);
        await Save();
        await UpdatePreAlert();
    }

    public Task EcgProgressed() => state.State.IsOpened ? UpdatePreAlert() : Task.CompletedTask;

    public async Task ChasePreAlert()
    {
        var s = state.State;
        if (!PreAlertPending() || s.PreAlertFirstSentAt is not { } first || s.PreAlertLastSentAt is not { } last)
        {
            await StopChasing();
            return;
        }

        var now = time.GetUtcNow();
        var due = PreAlertChase.At(now, first, last, s.PreAlertEscalatedAt is not null, preAlertOptions.Value);
        if (due.Escalate)
        {
            var hospital = catalog.GetHospital(s.DestinationHospitalId!);
            s.PreAlertEscalatedAt = now;
            var alert = new CaseAlert(s.CaseId, "pre-alert-unacknowledged", hospital.Id, now,
                $"{hospital.Name} has not acknowledged the pre-alert sent {(now - first).TotalMinutes:F0} min ago");
            s.Alerts.Add(alert);
            feed.Publish(alert);
            DispatchTelemetry.PreAlertEscalations.Add(1);
        }

        if (due.Repeat)
        {
            s.PreAlertLastSentAt = now;
            await Hospital(s.DestinationHospitalId!).PreAlert(await BuildPreAlert(PreAlertKind.Reminder, now));
        }

        if (due.Escalate || due.Repeat)
        {
            await Save();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == PreAlertReminder ? ChasePreAlert() : Task.CompletedTask;

    public async Task RecordVitals(VitalSigns vitals)
    {
        EnsureOpened();
        if (vitals.At > time.GetUtcNow() + CaseLifecycle.MaxClockSkew)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"vital signs time {vitals.At:O} is in the future");
        }

        if (state.State.LatestVitals is { } latest && vitals.At <= latest.At)
        {
            return;
        }

        state.State.LatestVitals = vitals;
        await Save();
    }

    public async Task RecordEcgFindings(EcgFindings findings)
    {
        var s = state.State;
        if (!s.IsOpened || s.Phase == CasePhase.Closed || s.LatestEcgFindings?.Window >= findings.Window)
        {
            return;
        }

        s.LatestEcgFindings = findings;

        var withPatient = s.Phase is CasePhase.OnScene or CasePhase.Transporting or CasePhase.AtHospital;
        if (findings.Screening.Suspected && withPatient && !s.Has(Milestone.EcgStemiFlagged))
        {
            await FlagStemi(findings);
        }
        else
        {
            await Save();
        }

        if (s.AmbulanceId is { } ambulance)
        {
            await GrainFactory.GetGrain<IAmbulanceGrain>(ambulance).SendEcgFindings(s.CaseId, findings);
        }

        await UpdateWorklist();
    }

    public Task<CaseSummary?> GetSummary() => Task.FromResult(state.State.IsOpened ? Summary() : null);

    public Task<CaseSnapshot?> GetSnapshot() =>
        Task.FromResult(state.State.IsOpened ? Snapshot() : null);

    private const int MaxRankingKept = 10;

    /// <summary>The reading target: first ECG to diagnosis within 10 minutes (China Chest Pain Center accreditation).</summary>
    private static readonly TimeSpan ReadingTarget = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The screen's first suspected STEMI is a milestone; without a STEMI diagnosis yet it becomes the
    /// working diagnosis, which routes the patient to a PCI centre and pre-alerts it at once.
    /// </summary>
    private async Task FlagStemi(EcgFindings findings)
    {
        var s = state.State;
        var now = time.GetUtcNow();
        var summary = findings.Screening.Summary();
        var flag = new CaseCommand($"ecg-flag/{s.CaseId}", Milestone.EcgStemiFlagged, now, Note: $"automated ECG (window {findings.Window}): {summary}");
        await Commit(CaseLifecycle.Plan(s, flag, now)!);
        Audit(now, "ECG screen", null, "suspected STEMI", summary);
        if (s.Diagnosis?.Kind is DiagnosisKind.SuspectedStemi or DiagnosisKind.ConfirmedStemi)
        {
            await UpdatePreAlert();
            return;
        }

        await Record(new CaseCommand($"ecg-flag/{s.CaseId}/diagnosis", Milestone.Diagnosis, now,
            Diagnosis: new Diagnosis(DiagnosisKind.SuspectedStemi), Note: $"automated ECG: {summary}"));
    }

    /// <summary>Puts the case's transmitted ECG on the tele-ECG worklist as it now stands.</summary>
    private async Task UpdateWorklist()
    {
        var s = state.State;
        if (s.First(Milestone.EcgTransmitted) is not { } transmitted)
        {
            return;
        }

        var firstEcg = s.First(Milestone.FirstEcg)?.At ?? transmitted.At;
        var read = s.Last(Milestone.EcgRead);
        var status = read is null ? ReadingStatus.Waiting
            : read.Diagnosis?.Kind == DiagnosisKind.ConfirmedStemi ? ReadingStatus.Confirmed
            : ReadingStatus.Rejected;
        await GrainFactory.GetGrain<IEcgWorklistGrain>(IEcgWorklistGrain.RegionKey).Upsert(new WorklistItem(
            s.CaseId, s.Complaint, s.PatientAge, s.PatientSex, transmitted.At, firstEcg + ReadingTarget, s.Has(Milestone.EcgStemiFlagged),
            s.LatestEcgFindings, status, read?.RecordedBy, read?.At, s.Last(Milestone.CriticalValueReported)?.At,
            s.DestinationHospitalId));
    }

    private IRoutingGrain Routing => GrainFactory.GetGrain<IRoutingGrain>(0);

    private CrewAssignment Assignment(double? etaMinutes) =>
        new(state.State.CaseId, state.State.Location, state.State.Complaint, etaMinutes);

    private void EnsureOpened()
    {
        if (!state.State.IsOpened)
        {
            throw new RuleException(RuleViolation.NotFound, $"unknown case '{this.GetPrimaryKeyString()}'");
        }
    }

    /// <summary>The engine's own decisions go to the audit trail beside the API calls that read or changed the case.</summary>
    private void Audit(DateTimeOffset at, string action, string? target, string outcome, string detail) =>
        audit.Record(new AuditEntry(at, "engine", "engine", action, state.State.CaseId, target, outcome, detail));

    /// <summary>Persists an entry, then tells the ambulance and hospitals it concerns.</summary>
    private async Task Commit(TimelineEntry entry)
    {
        var previousAmbulance = state.State.AmbulanceId;
        var previousDestination = state.State.DestinationHospitalId;
        CaseLifecycle.Commit(state.State, entry);
        state.State.NotificationsPending = true;
        await Save();
        try
        {
            await Notify(entry, previousAmbulance, previousDestination);
        }
        catch
        {
            // Written and not (all) told, typically because the grain told lives on a silo that just
            // died: the caller hears UNAVAILABLE, and the case repairs it without waiting for a retry.
            ScheduleRepair();
            throw;
        }

        if (_repair is null)
        {
            // Cleared in memory only: written with the next change. Until then an activation from the
            // stored state repairs once more, which changes nothing when all is in line.
            state.State.NotificationsPending = false;
        }

        if (entry.Milestone is Milestone.Device or Milestone.Needle or Milestone.DoorOut or Milestone.Closed)
        {
            await ReportOutcome();
        }
    }

    /// <summary>Tells the region's daily record where this case's intervals stand (on opening and when one ends).</summary>
    private Task ReportOutcome()
    {
        var s = state.State;
        return GrainFactory.GetGrain<IClinicalRecordGrain>(IClinicalRecordGrain.RegionKey).Update(
            new Contracts.Metrics.CaseOutcome(s.CaseId, s.Timeline[0].At, s.Complaint, metrics.Calculate(s), s.Phase == CasePhase.Closed,
                Revision: s.Timeline.Count));
    }

    /// <summary>The patient as the policy sees them: where they are now, and the clocks that are running.</summary>
    private async Task<DestinationQuery> Query(DateTimeOffset now)
    {
        var s = state.State;
        var location = s.Location;
        if (s.Phase == CasePhase.AtHospital && s.CurrentHospitalId is { } here)
        {
            location = catalog.GetHospital(here).Location;
        }
        else if (s.Phase == CasePhase.Transporting && s.AmbulanceId is { } ambulance)
        {
            location = (await GrainFactory.GetGrain<IAmbulanceGrain>(ambulance).GetSnapshot()).Position;
        }

        var firstContact = s.First(Milestone.OnScene)?.At ?? s.First(Milestone.ArrivedAtDoor)?.At;
        return new DestinationQuery(location, s.Complaint, s.Diagnosis, now, firstContact, s.SymptomOnset);
    }

    private void CheckReferences(TimelineEntry entry)
    {
        if (entry.HospitalId is { } hospitalId)
        {
            catalog.GetHospital(hospitalId);
        }

        if (entry.AmbulanceId is { } ambulanceId)
        {
            catalog.GetStationOf(ambulanceId);
        }
    }

    private async Task Notify(TimelineEntry entry, string? previousAmbulance, string? previousDestination)
    {
        var caseId = state.State.CaseId;
        var ambulance = state.State.AmbulanceId is { } a ? GrainFactory.GetGrain<IAmbulanceGrain>(a) : null;
        switch (entry.Milestone)
        {
            case Milestone.AmbulanceDispatched when previousAmbulance is not null && previousAmbulance != entry.AmbulanceId:
                await GrainFactory.GetGrain<IAmbulanceGrain>(previousAmbulance).Release(caseId);
                break;
            case Milestone.DestinationChosen when previousDestination != entry.HospitalId:
                if (previousDestination is not null)
                {
                    await Hospital(previousDestination).RemoveIncoming(caseId, PreAlertKind.Withdrawn);
                }

                await SendPreAlert(PreAlertKind.New);
                if (ambulance is not null)
                {
                    var decision = state.State.Decisions.Count > 0 ? state.State.Decisions[^1] : null;
                    var eta = decision?.HospitalId == entry.HospitalId ? decision!.EtaMinutes : null;
                    await ambulance.SendDestination(new CrewDestination(caseId, entry.HospitalId!,
                        catalog.GetHospital(entry.HospitalId!).Name, eta, entry.Note ?? "", previousDestination is not null));
                }

                await UpdateWorklist();
                break;
            case Milestone.OnScene when ambulance is not null:
                await ambulance.FollowCase(caseId, AmbulanceStatus.OnScene);
                break;
            case Milestone.LeftScene or Milestone.DoorOut when ambulance is not null:
                await ambulance.FollowCase(caseId, AmbulanceStatus.Transporting);
                break;
            case Milestone.ArrivedAtDoor:
                await Hospital(entry.HospitalId!).RemoveIncoming(caseId, PreAlertKind.Arrived);
                await StopChasing();
                if (ambulance is not null)
                {
                    await ambulance.FollowCase(caseId, AmbulanceStatus.AtHospital);
                }

                break;
            case Milestone.Handover when ambulance is not null:
                await ambulance.Release(caseId);
                break;
            case Milestone.PreAlertAcknowledged:
                await StopChasing();
                await UpdatePreAlert();
                break;
            case Milestone.Diagnosis or Milestone.TeamActivated:
                await UpdatePreAlert();
                break;
            case Milestone.EcgTransmitted or Milestone.EcgRead:
                await UpdatePreAlert();
                await UpdateWorklist();
                break;
            case Milestone.CriticalValueReported:
                await UpdateWorklist();
                break;
            case Milestone.Closed:
                if (state.State.DestinationHospitalId is { } destination)
                {
                    await Hospital(destination).RemoveIncoming(caseId, PreAlertKind.Withdrawn);
                }

                await StopChasing();

                if (ambulance is not null)
                {
                    await ambulance.Release(caseId);
                }

                await GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).Remove(caseId);
                await GrainFactory.GetGrain<IEcgWorklistGrain>(IEcgWorklistGrain.RegionKey).Remove(caseId);
                break;
        }
    }

    private IHospitalGrain Hospital(string id) => GrainFactory.GetGrain<IHospitalGrain>(id);

    /// <summary>
    /// A repeated command is usually a client retrying after UNAVAILABLE, possibly of a command whose
    /// state was written and whose notifications failed while a silo was being replaced. The ambulance,
    /// the hospitals, the indexes and the pre-alert chase are brought back in line with the stored
    /// case; every step changes nothing when they already agree.
    /// </summary>
    private async Task Reconcile()
    {
        var s = state.State;
        var finished = s.Phase == CasePhase.Closed;
        if (s.AmbulanceId is { } ambulanceId)
        {
            await ReconcileAmbulance(GrainFactory.GetGrain<IAmbulanceGrain>(ambulanceId), finished || s.Has(Milestone.Handover));
        }

        foreach (var earlier in s.Timeline.Where(e => e.Milestone == Milestone.DestinationChosen && e.HospitalId != s.DestinationHospitalId)
                     .Select(e => e.HospitalId!).Distinct())
        {
            await Hospital(earlier).RemoveIncoming(s.CaseId, PreAlertKind.Withdrawn);
        }

        if (s.DestinationHospitalId is { } destination)
        {
            if (finished || s.CurrentHospitalId == destination)
            {
                await Hospital(destination).RemoveIncoming(s.CaseId, finished ? PreAlertKind.Withdrawn : PreAlertKind.Arrived);
            }
            else if (!(await Hospital(destination).GetPreAlerts()).Any(a => a.CaseId == s.CaseId))
            {
                await Hospital(destination).PreAlert(await BuildPreAlert(PreAlertKind.Update, time.GetUtcNow()));
            }
        }

        var active = GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey);
        await (finished ? active.Remove(s.CaseId) : active.Add(s.CaseId));
        if (finished)
        {
            await GrainFactory.GetGrain<IEcgWorklistGrain>(IEcgWorklistGrain.RegionKey).Remove(s.CaseId);
        }

        if (!PreAlertPending())
        {
            await StopChasing();
        }
        else if (await this.GetReminder(PreAlertReminder) is null)
        {
            DispatchTelemetry.UnacknowledgedPreAlerts.Add(1);
            await this.RegisterOrUpdateReminder(PreAlertReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        if (state.State.NotificationsPending)
        {
            state.State.NotificationsPending = false;
            await state.WriteStateAsync();
        }

        _repair?.Dispose();
        _repair = null;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Not here and now: the activation may be for a grain that is waiting on this case (the
        // recording deadlock's lesson); a timer runs as a turn of its own once the case is up.
        if (state.State.IsOpened && state.State.NotificationsPending)
        {
            ScheduleRepair();
        }

        return Task.CompletedTask;
    }

    private void ScheduleRepair() => _repair ??= this.RegisterGrainTimer(_ => Reconcile(), RepairInterval, RepairInterval);

    private async Task ReconcileAmbulance(IAmbulanceGrain ambulance, bool released)
    {
        if (released)
        {
            await ambulance.Release(state.State.CaseId);
            return;
        }

        try
        {
            await ambulance.Assign(Assignment(null));
        }
        catch (RuleException e) when (e.Violation == RuleViolation.IllegalTransition)
        {
            // Serving another case or out of service now: not this case's to change.
            return;
        }

        var status = state.State.Phase switch
        {
            CasePhase.OnScene => AmbulanceStatus.OnScene,
            CasePhase.Transporting => AmbulanceStatus.Transporting,
            CasePhase.AtHospital => AmbulanceStatus.AtHospital,
            _ => AmbulanceStatus.Dispatched,
        };
        await ambulance.FollowCase(state.State.CaseId, status);
    }

    /// <summary>Persists the case, then shows the coordinators its new state.</summary>
    private async Task Save()
    {
        await state.WriteStateAsync();
        feed.Publish(Summary());
    }

    private CaseSummary Summary()
    {
        var s = state.State;
        var stemi = s.Diagnosis?.Kind is DiagnosisKind.SuspectedStemi or DiagnosisKind.ConfirmedStemi;
        var target = stemi ? metrics.Calculate(s).Single(m => m.Name == CaseMetricNames.FmcToDevice).TargetMinutes : null;
        var destination = s.DestinationHospitalId;
        return new CaseSummary(s.CaseId, s.Phase, s.Complaint, s.Diagnosis?.Kind, s.Location, s.AmbulanceId, destination,
            s.Timeline[0].At, s.First(Milestone.OnScene)?.At ?? s.First(Milestone.ArrivedAtDoor)?.At, s.EtaMinutes, target,
            destination is not null && s.Timeline.Exists(e => e.Milestone == Milestone.PreAlertAcknowledged && e.HospitalId == destination),
            s.Alerts.Count);
    }

    /// <summary>A pre-alert to the destination is out and nobody there has acknowledged it, and the patient is not there yet.</summary>
    private bool PreAlertPending()
    {
        var s = state.State;
        return s.DestinationHospitalId is { } destination && s.Phase != CasePhase.Closed && s.CurrentHospitalId != destination &&
            !s.Timeline.Exists(e => e.Milestone == Milestone.PreAlertAcknowledged && e.HospitalId == destination);
    }

    /// <summary>Announces the patient to the new destination, records it, and starts chasing an acknowledgement.</summary>
    private async Task SendPreAlert(PreAlertKind kind)
    {
        var s = state.State;
        var now = time.GetUtcNow();
        s.EtaMinutes = s.Decisions.Count > 0 && s.Decisions[^1].HospitalId == s.DestinationHospitalId ? s.Decisions[^1].EtaMinutes : null;
        s.PreAlertFirstSentAt = now;
        s.PreAlertLastSentAt = now;
        s.PreAlertEscalatedAt = null;
        var sent = new TimelineEntry(Milestone.PreAlertSent, now, $"pre-alert/{s.Timeline.Count}", s.DestinationHospitalId);
        CaseLifecycle.Commit(s, sent);
        await Save();
        await Hospital(s.DestinationHospitalId!).PreAlert(await BuildPreAlert(kind, now));
        if (await this.GetReminder(PreAlertReminder) is null)
        {
            DispatchTelemetry.UnacknowledgedPreAlerts.Add(1);
        }

        await this.RegisterOrUpdateReminder(PreAlertReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>Sends the destination the patient's latest state (diagnosis, ECG, ETA, acknowledgement).</summary>
    private async Task UpdatePreAlert()
    {
        var s = state.State;
        if (s.DestinationHospitalId is { } destination && s.Phase != CasePhase.Closed && s.CurrentHospitalId != destination)
        {
            await Hospital(destination).PreAlert(await BuildPreAlert(PreAlertKind.Update, time.GetUtcNow()));
        }
    }

    private async Task<PreAlert> BuildPreAlert(PreAlertKind kind, DateTimeOffset now)
    {
        var s = state.State;
        var destination = s.DestinationHospitalId!;
        var reason = s.Timeline.FindLast(e => e.Milestone == Milestone.DestinationChosen && e.HospitalId == destination)?.Note ?? "";
        var acknowledged = s.Timeline.Find(e => e.Milestone == Milestone.PreAlertAcknowledged && e.HospitalId == destination)?.At;
        var ecgChunks = await GrainFactory.GetGrain<IEcgRecordingGrain>(s.CaseId).GetLastSequence();
        var stemi = s.Has(Milestone.EcgStemiFlagged) || s.Diagnosis?.Kind == DiagnosisKind.ConfirmedStemi;
        var activated = s.Timeline.Exists(e => e.Milestone == Milestone.TeamActivated && e.HospitalId == destination);
        return new PreAlert(s.CaseId, destination, kind, s.Complaint, s.Diagnosis, s.EtaMinutes, reason, now, ecgChunks,
            acknowledged, s.PatientAge, s.PatientSex, s.LatestEcgFindings, stemi && !activated);
    }

    private async Task StopChasing()
    {
        if (await this.GetReminder(PreAlertReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            DispatchTelemetry.UnacknowledgedPreAlerts.Add(-1);
        }
    }

    private CaseSnapshot Snapshot()
    {
        var s = state.State;
        return new CaseSnapshot(s.CaseId, s.Phase, s.Complaint, s.Location, s.SymptomOnset, s.AmbulanceId,
            s.CurrentHospitalId, s.DestinationHospitalId, s.Diagnosis, [.. s.Timeline], metrics.Calculate(s),
            s.PatientAge, s.PatientSex, s.Decisions.Count == 0 ? null : s.Decisions[^1], [.. s.AmbulanceRanking], s.LatestVitals, [.. s.Alerts], s.EtaMinutes,
            s.LatestEcgFindings);
    }
}
