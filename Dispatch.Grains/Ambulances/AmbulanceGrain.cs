using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Crew;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Grains;
using Dispatch.Grains.Feed;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Dispatch.Grains.Ambulances;

/// <summary>
/// One ambulance. Its single-threaded turn is what guarantees an ambulance is never assigned
/// to two cases at once.
/// </summary>
public sealed class AmbulanceGrain(
    [PersistentState("ambulance", StorageNames.Dispatch)] IPersistentState<AmbulanceState> state,
    RegionCatalog catalog,
    RegionFeedPublisher feed,
    ILogger<AmbulanceGrain> logger) : Grain, IAmbulanceGrain
{
    /// <summary>A crew connection that has not renewed within this is dropped (its process died).</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IAmbulanceObserver> _crews = new(ObserverExpiry, logger);

    /// <summary>How often a free, moving ambulance tells the fleet where it is: enough for choosing one for a call.</summary>
    public static readonly TimeSpan FleetPositionInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often a transporting ambulance's position turns into a new ETA for the receiving centre.</summary>
    public static readonly TimeSpan EtaUpdateInterval = TimeSpan.FromSeconds(30);

    private DateTimeOffset? _lastFleetPosition;
    private DateTimeOffset? _lastEtaUpdate;

    /// <summary>The key, decoded once: every 1 Hz fix builds a snapshot that names the ambulance.</summary>
    private string Id => field ??= this.GetPrimaryKeyString();

    private AmbulanceStation Station => catalog.GetStationOf(Id);

    /// <summary>How stale a stored position may be: after a silo's loss the next fix replaces it anyway.</summary>
    private static readonly TimeSpan PositionPersistInterval = TimeSpan.FromSeconds(30);

    private DateTimeOffset? _lastPersistedFix;

    private IFleetGrain Fleet => GrainFactory.GetGrain<IFleetGrain>(IFleetGrain.RegionKey);

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.RecordExists ? Fleet.Report(Snapshot()) : Task.CompletedTask;

    public Task<AmbulanceSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task<AmbulanceSnapshot> ReportPosition(GeoPoint position, DateTimeOffset at)
    {
        _ = Station;
        if (!position.IsValid)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"position {position} is not a valid latitude,longitude");
        }

        // A fix older than the one we have arrived out of order: keep the newer one.
        if (state.State.PositionAt is { } last && at <= last)
        {
            return Snapshot();
        }

        state.State.Position = position;
        state.State.PositionAt = at;
        if (_lastPersistedFix is not { } persisted || at - persisted >= PositionPersistInterval)
        {
            // A position is outdated within seconds anyway: written every 30 s, not on every 1 Hz fix
            // (the live one is in memory and on the coordinators' feed at once).
            _lastPersistedFix = at;
            await state.WriteStateAsync();
        }

        var snapshot = Snapshot();
        feed.Publish(snapshot);
        if (snapshot.Status == AmbulanceStatus.Available && (_lastFleetPosition is not { } reported || at - reported >= FleetPositionInterval))
        {
            _lastFleetPosition = at;
            await Fleet.Report(snapshot);
        }

        if (snapshot.Status == AmbulanceStatus.Transporting && state.State.DestinationHospitalId is { } destination &&
            (_lastEtaUpdate is not { } updated || at - updated >= EtaUpdateInterval))
        {
            _lastEtaUpdate = at;
            if (await GrainFactory.GetGrain<IRoutingGrain>(0).MinutesToHospital(position, destination) is { } minutes)
            {
                await GrainFactory.GetGrain<ICaseGrain>(snapshot.CaseId!).UpdateEta(destination, minutes);
            }
        }

        return snapshot;
    }

    public async Task<AmbulanceSnapshot> SetStatus(AmbulanceStatus status)
    {
        _ = Station;
        if (!Enum.IsDefined(status))
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"unknown ambulance status {(int)status}");
        }

        if (state.State.CaseId is { } caseId && status is AmbulanceStatus.Available or AmbulanceStatus.OutOfService)
        {
            throw new RuleException(RuleViolation.IllegalTransition,
                $"ambulance {Id} is serving case {caseId}; close or hand over the case first");
        }

        if (state.State.CaseId is null && status is not (AmbulanceStatus.Available or AmbulanceStatus.OutOfService))
        {
            throw new RuleException(RuleViolation.IllegalTransition,
                $"ambulance {Id} has no case; only available or out of service can be set");
        }

        state.State.Status = status;
        return await Save();
    }

    public async Task<AmbulanceSnapshot> Assign(CrewAssignment assignment)
    {
        _ = Station;
        var caseId = assignment.CaseId;
        var current = state.State;
        if (current.CaseId == caseId)
        {
            return Snapshot();
        }

        if (current.CaseId is not null)
        {
            throw new RuleException(RuleViolation.IllegalTransition,
                $"ambulance {Id} is already serving case {current.CaseId}");
        }

        if (current.Status == AmbulanceStatus.OutOfService)
        {
            throw new RuleException(RuleViolation.IllegalTransition, $"ambulance {Id} is out of service");
        }

        current.CaseId = caseId;
        current.Status = AmbulanceStatus.Dispatched;
        var snapshot = await Save();
        await _crews.Notify(crew => crew.Assigned(assignment));
        return snapshot;
    }

    public async Task SendDestination(CrewDestination destination)
    {
        if (state.State.CaseId == destination.CaseId)
        {
            state.State.DestinationHospitalId = destination.HospitalId;
            await state.WriteStateAsync();
            await _crews.Notify(crew => crew.DestinationChanged(destination));
        }
    }

    public Task SendEcgFindings(string caseId, Contracts.Ecg.EcgFindings findings) =>
        state.State.CaseId == caseId ? _crews.Notify(crew => crew.EcgAnalysed(caseId, findings)) : Task.CompletedTask;

    public Task Subscribe(IAmbulanceObserver observer)
    {
        _ = Station;
        _crews.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IAmbulanceObserver observer)
    {
        _crews.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task FollowCase(string caseId, AmbulanceStatus status)
    {
        if (state.State.CaseId == caseId && state.State.Status != status)
        {
            state.State.Status = status;
            await Save();
        }
    }

    public async Task Release(string caseId)
    {
        if (state.State.CaseId == caseId)
        {
            state.State.CaseId = null;
            state.State.DestinationHospitalId = null;
            state.State.Status = AmbulanceStatus.Available;
            await Save();
        }
    }

    private async Task<AmbulanceSnapshot> Save()
    {
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        feed.Publish(snapshot);
        await Fleet.Report(snapshot);
        return snapshot;
    }

    private AmbulanceSnapshot Snapshot()
    {
        var station = Station;
        var current = state.State;
        return new AmbulanceSnapshot(Id, station.Id, current.Status,
            current.Position ?? station.Location, current.PositionAt, current.CaseId);
    }
}
