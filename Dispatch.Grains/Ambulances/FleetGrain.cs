using System.Collections.Immutable;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;

namespace Dispatch.Grains.Ambulances;

/// <summary>
/// Not persisted: ambulances report every status change, and a new activation (after a restart, or
/// when the silo that held it died) asks every ambulance once. One never heard from is taken to be
/// free at its station, as at the start of a shift.
/// </summary>
public sealed class FleetGrain(RegionCatalog catalog) : Grain, IFleetGrain
{
    /// <summary>Ambulances that reported since activation: their word is newer than the catch-up's answer.</summary>
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    private readonly FleetBoard _board = new(catalog);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Not awaited: an ambulance activated by the catch-up reports to this grain, which must be
        // active to hear it. Until it is done a busy ambulance may still be ranked; it refuses the
        // assignment itself and the next one in line goes.
        _ = CatchUp();
        return Task.CompletedTask;
    }

    public Task Report(AmbulanceSnapshot snapshot)
    {
        _board.Update(snapshot);
        _reported.Add(snapshot.Id);
        return Task.CompletedTask;
    }

    private async Task CatchUp()
    {
        var ids = catalog.AmbulanceIds.ToList();
        var snapshots = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await GrainFactory.GetGrain<IAmbulanceGrain>(id).GetSnapshot();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // It reports by itself on its next change.
                return null;
            }
        }));
        foreach (var snapshot in snapshots.OfType<AmbulanceSnapshot>().Where(s => !_reported.Contains(s.Id)))
        {
            _board.Update(snapshot);
        }
    }

    public Task<ImmutableArray<AvailableAmbulance>> GetAvailable() => Task.FromResult(_board.Available);
}
