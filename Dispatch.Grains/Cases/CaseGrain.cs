using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Storage;

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
    TimeProvider time) : Grain, ICaseGrain
{
    public async Task<CaseSnapshot> Open(OpenCaseRequest request)
    {
        if (request.PresentingHospitalId is { } hospitalId)
        {
            catalog.GetHospital(hospitalId);
        }

        if (CaseLifecycle.Open(state.State, this.GetPrimaryKeyString(), request, time.GetUtcNow()))
        {
            await state.WriteStateAsync();
        }

        await GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).Add(state.State.CaseId);
        return Snapshot();
    }

    public async Task<CaseSnapshot> Record(CaseCommand command)
    {
        if (!state.State.IsOpened)
        {
            throw new RuleException(RuleViolation.NotFound, $"unknown case '{this.GetPrimaryKeyString()}'");
        }

        var entry = CaseLifecycle.Plan(state.State, command, time.GetUtcNow());
        if (entry is null)
        {
            return Snapshot();
        }

        CheckReferences(entry);
        var caseId = state.State.CaseId;
        var previousAmbulance = state.State.AmbulanceId;
        var previousDestination = state.State.DestinationHospitalId;
        if (entry.Milestone == Milestone.AmbulanceDispatched)
        {
            // Reserve the ambulance first: if it is busy the case stays as it was.
            await GrainFactory.GetGrain<IAmbulanceGrain>(entry.AmbulanceId!).Assign(caseId);
        }

        CaseLifecycle.Commit(state.State, entry);
        await state.WriteStateAsync();
        await Notify(entry, previousAmbulance, previousDestination);
        return Snapshot();
    }

    public Task<CaseSnapshot?> GetSnapshot() =>
        Task.FromResult(state.State.IsOpened ? Snapshot() : null);

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
                    await Hospital(previousDestination).RemoveIncoming(caseId);
                }

                await Hospital(entry.HospitalId!).AddIncoming(caseId);
                break;
            case Milestone.OnScene when ambulance is not null:
                await ambulance.FollowCase(caseId, AmbulanceStatus.OnScene);
                break;
            case Milestone.LeftScene or Milestone.DoorOut when ambulance is not null:
                await ambulance.FollowCase(caseId, AmbulanceStatus.Transporting);
                break;
            case Milestone.ArrivedAtDoor:
                await Hospital(entry.HospitalId!).RemoveIncoming(caseId);
                if (ambulance is not null)
                {
                    await ambulance.FollowCase(caseId, AmbulanceStatus.AtHospital);
                }

                break;
            case Milestone.Handover when ambulance is not null:
                await ambulance.Release(caseId);
                break;
            case Milestone.Closed:
                if (state.State.DestinationHospitalId is { } destination)
                {
                    await Hospital(destination).RemoveIncoming(caseId);
                }

                if (ambulance is not null)
                {
                    await ambulance.Release(caseId);
                }

                await GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).Remove(caseId);
                break;
        }
    }

    private IHospitalGrain Hospital(string id) => GrainFactory.GetGrain<IHospitalGrain>(id);

    private CaseSnapshot Snapshot()
    {
        var s = state.State;
        return new CaseSnapshot(s.CaseId, s.Phase, s.Complaint, s.Location, s.SymptomOnset, s.AmbulanceId,
            s.CurrentHospitalId, s.DestinationHospitalId, s.Diagnosis, [.. s.Timeline], metrics.Calculate(s),
            s.PatientAge, s.PatientSex);
    }
}
