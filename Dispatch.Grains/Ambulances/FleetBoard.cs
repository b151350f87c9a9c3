using System.Collections.Immutable;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;

namespace Dispatch.Grains.Ambulances;

/// <summary>
/// The fleet's free ambulances as a dispatch ranks them, from each one's latest report. Every
/// dispatch waits for this list on the one fleet activation, behind the ambulances' reports: so
/// each report updates its own entry (parked or not worked out once, there), and a dispatch gets
/// a copy of references, or the very same array while nothing has changed, instead of some 2,000
/// entries built afresh.
/// </summary>
public sealed class FleetBoard
{
    /// <summary>Within this of its station an ambulance counts as parked there (one tree lookup instead of a search).</summary>
    public const double ParkedWithinKm = 0.2;

    private readonly RegionCatalog _catalog;
    private readonly Dictionary<string, AvailableAmbulance> _available;
    private ImmutableArray<AvailableAmbulance> _handedOut;

    /// <summary>Every ambulance of the region free at its station, as at the start of a shift.</summary>
    public FleetBoard(RegionCatalog catalog)
    {
        _catalog = catalog;
        _available = new Dictionary<string, AvailableAmbulance>(catalog.AmbulanceIds.Count, StringComparer.Ordinal);
        foreach (var id in catalog.AmbulanceIds)
        {
            var station = catalog.StationOfAmbulance[id];
            Update(new AmbulanceSnapshot(id, station.Id, AmbulanceStatus.Available, station.Location, null, null));
        }
    }

    /// <summary>The free ambulances, where they are, and whether each is parked at its station.</summary>
    public ImmutableArray<AvailableAmbulance> Available => _handedOut.IsDefault ? _handedOut = [.. _available.Values] : _handedOut;

    public void Update(AmbulanceSnapshot snapshot)
    {
        if (snapshot.Status == AmbulanceStatus.Available)
        {
            _available[snapshot.Id] = Free(snapshot);
            _handedOut = default;
        }
        else if (_available.Remove(snapshot.Id))
        {
            _handedOut = default;
        }
    }

    private AvailableAmbulance Free(AmbulanceSnapshot snapshot)
    {
        var station = _catalog.Stations[snapshot.StationId];
        var parked = Haversine.Km(snapshot.Position, station.Location) <= ParkedWithinKm;
        return new AvailableAmbulance(snapshot.Id, snapshot.Position, parked ? station.Id : null);
    }
}
