using System.Collections.Immutable;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Feed;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Dispatch.Grains.Hospitals;

/// <summary>A receiving centre: its live status and the patients heading to it.</summary>
public sealed class HospitalGrain(
    [PersistentState("hospital", StorageNames.Dispatch)] IPersistentState<HospitalLiveState> state,
    RegionCatalog catalog,
    TimeProvider time,
    RegionFeedPublisher feed,
    ILogger<HospitalGrain> logger) : Grain, IHospitalGrain
{
    /// <summary>A centre's connection that has not renewed within this is dropped.</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IHospitalObserver> _centres = new(ObserverExpiry, logger);

    private HospitalProfile Profile => catalog.GetHospital(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The streams registered with the activation this one replaces. Orleans moves a grain not only
        // when its silo dies: one whose directory entry lived on the dead silo is deactivated on a
        // survivor too, and a stream that renewed just before that would hear nothing until its next
        // renewal, 20 s later. Each is sent the current pre-alerts (one-way: nothing here waits on a
        // stream), since the activation that died may have stored one it never passed on; a stream
        // drops those it already has. One whose process is gone expires as any other.
        foreach (var centre in state.State.Centres)
        {
            _centres.Subscribe(centre, centre);
            foreach (var alert in Current())
            {
                _ = centre.PreAlert(alert);
            }
        }

        return state.State.StatusUpdatedAt is null ? Task.CompletedTask : Directory.Report(Snapshot());
    }

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
        feed.Publish(snapshot);
        await Directory.Report(snapshot);

        // Patients on the road may now be better off elsewhere (or here): their cases decide again.
        await GrainFactory.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).ReevaluateDestinations();
        return snapshot;
    }

    public async Task PreAlert(PreAlert alert)
    {
        var isNew = state.State.Incoming.TryAdd(alert.CaseId, alert);
        state.State.Incoming[alert.CaseId] = alert;
        await state.WriteStateAsync();
        if (isNew)
        {
            feed.Publish(Snapshot());
        }

        await _centres.Notify(centre => centre.PreAlert(alert));
    }

    public async Task RemoveIncoming(string caseId, PreAlertKind why)
    {
        if (state.State.Incoming.Remove(caseId, out var last))
        {
            await state.WriteStateAsync();
            feed.Publish(Snapshot());
            await _centres.Notify(centre => centre.PreAlert(last with { Kind = why, SentAt = time.GetUtcNow() }));
        }
    }

    public Task<ImmutableArray<PreAlert>> GetPreAlerts() =>
        Task.FromResult<ImmutableArray<PreAlert>>([.. Current()]);

    /// <summary>
    /// A new registration (a centre's stream opening, or renewing with an activation that replaced one
    /// lost with its silo) first gets the latest pre-alert of every patient on the way, so a centre never
    /// misses a patient announced while its registration was being restored.
    /// </summary>
    public async Task Subscribe(IHospitalObserver observer)
    {
        _ = Profile;
        var isNew = !_centres.Observers.ContainsKey(observer);
        _centres.Subscribe(observer, observer);
        if (isNew)
        {
            await KeepCentres();
            foreach (var alert in Current())
            {
                await observer.PreAlert(alert);
            }
        }
    }

    public async Task Unsubscribe(IHospitalObserver observer)
    {
        _centres.Unsubscribe(observer);
        await KeepCentres();
    }

    /// <summary>Writes the registered streams (those expired dropped) when they changed; renewals change nothing.</summary>
    private async Task KeepCentres()
    {
        List<IHospitalObserver> live = [.. _centres];
        if (live.Count != state.State.Centres.Count || !live.All(state.State.Centres.Contains))
        {
            state.State.Centres = live;
            await state.WriteStateAsync();
        }
    }

    private IEnumerable<PreAlert> Current() => state.State.Incoming.Values.OrderBy(a => a.CaseId, StringComparer.Ordinal);

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
            [.. live.Incoming.Keys.Order(StringComparer.Ordinal)],
            live.StatusUpdatedAt);
    }
}
