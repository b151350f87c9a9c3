using System.Collections.Immutable;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;

namespace Dispatch.Grains.Ambulances;

/// <summary>
/// Not persisted: ambulances re-report when they activate; one never heard from is taken to be
/// free at its station, as at the start of a shift.
/// </summary>
public sealed class FleetGrain(RegionCatalog catalog) : Grain, IFleetGrain
{
    /// <summary>Within this of its station an ambulance counts as parked there (one tree lookup instead of a search).</summary>
    public const double ParkedWithinKm = 0.2;

    private readonly Dictionary<string, AmbulanceSnapshot> _ambulances = catalog.AmbulanceIds.ToDictionary(
        id => id, id => new AmbulanceSnapshot(id, catalog.StationOfAmbulance[id].Id, AmbulanceStatus.Available,
            catalog.StationOfAmbulance[id].Location, null, null), StringComparer.Ordinal);

    public Task Report(AmbulanceSnapshot snapshot)
    {
        _ambulances[snapshot.Id] = snapshot;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<AvailableAmbulance>> GetAvailable() => Task.FromResult<ImmutableArray<AvailableAmbulance>>(
    [
        .. _ambulances.Values
            .Where(a => a.Status == AmbulanceStatus.Available)
            .Select(a =>
            {
                var station = catalog.Stations[a.StationId];
                var parked = Haversine.Km(a.Position, station.Location) <= ParkedWithinKm;
                return new AvailableAmbulance(a.Id, a.Position, parked ? station.Id : null);
            }),
    ]);
}
