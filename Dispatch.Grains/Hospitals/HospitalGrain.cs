using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Storage;

namespace Dispatch.Grains.Hospitals;

/// <summary>A receiving centre: its live status and the patients heading to it.</summary>
public sealed class HospitalGrain(
    [PersistentState("hospital", StorageNames.Dispatch)] IPersistentState<HospitalLiveState> state,
    RegionCatalog catalog,
    TimeProvider time) : Grain, IHospitalGrain
{
    private HospitalProfile Profile => catalog.GetHospital(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.StatusUpdatedAt is null ? Task.CompletedTask : Directory.Report(Snapshot());

    public Task<HospitalSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task<HospitalSnapshot> UpdateStatus(HospitalStatusUpdate update)
    {
        var profile = Profile;
        if (update.CathLabsBusy is { } busy && (busy < 0 || busy > profile.CathLabs))
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"cath labs busy must be between 0 and {profile.CathLabs} at {profile.Id}, got {busy}");
        }

        if (update.CtAvailable is not null && !profile.Can(Capabilities.Ct))
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"{profile.Id} has no CT to report on");
        }

        state.State.CathLabsBusy = update.CathLabsBusy ?? state.State.CathLabsBusy;
        state.State.CtDown = update.CtAvailable is { } ct ? !ct : state.State.CtDown;
        state.State.OnDiversion = update.OnDiversion ?? state.State.OnDiversion;
        state.State.StatusUpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        await Directory.Report(snapshot);

        // Patients on the road may now be better off elsewhere (or here): their cases decide again.
        await GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).ReevaluateDestinations();
        return snapshot;
    }

    public async Task AddIncoming(string caseId)
    {
        if (state.State.IncomingCaseIds.Add(caseId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveIncoming(string caseId)
    {
        if (state.State.IncomingCaseIds.Remove(caseId))
        {
            await state.WriteStateAsync();
        }
    }

    private IHospitalDirectoryGrain Directory => GrainFactory.GetGrain<IHospitalDirectoryGrain>(IHospitalDirectoryGrain.RegionKey);

    private HospitalSnapshot Snapshot()
    {
        var profile = Profile;
        var live = state.State;
        return new HospitalSnapshot(
            profile,
            live.CathLabsBusy,
            profile.Can(Capabilities.Ct) && !live.CtDown,
            live.OnDiversion,
            [.. live.IncomingCaseIds.Order(StringComparer.Ordinal)],
            live.StatusUpdatedAt);
    }
}
