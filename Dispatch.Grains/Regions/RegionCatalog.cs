using System.Collections.Frozen;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Grains.Regions;

/// <summary>
/// The loaded region indexed by id, one per process. Grains take their fixed facts from here;
/// only live state goes through storage.
/// </summary>
public sealed class RegionCatalog
{
    public RegionCatalog(Region region)
    {
        Region = region;
        Hospitals = region.Hospitals.ToFrozenDictionary(h => h.Id, StringComparer.Ordinal);
        Stations = region.Stations.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        StationOfAmbulance = region.Stations
            .SelectMany(s => s.AmbulanceIds.Select(a => (Ambulance: a, Station: s)))
            .ToFrozenDictionary(p => p.Ambulance, p => p.Station, StringComparer.Ordinal);
        AmbulanceIds = [.. region.Stations.SelectMany(s => s.AmbulanceIds)];
    }

    public Region Region { get; }

    public FrozenDictionary<string, HospitalProfile> Hospitals { get; }

    public FrozenDictionary<string, AmbulanceStation> Stations { get; }

    public FrozenDictionary<string, AmbulanceStation> StationOfAmbulance { get; }

    public IReadOnlyList<string> AmbulanceIds { get; }

    public HospitalProfile GetHospital(string id) =>
        Hospitals.TryGetValue(id, out var hospital)
            ? hospital
            : throw new RuleException(RuleViolation.NotFound, $"unknown hospital '{id}'");

    public AmbulanceStation GetStationOf(string ambulanceId) =>
        StationOfAmbulance.TryGetValue(ambulanceId, out var station)
            ? station
            : throw new RuleException(RuleViolation.NotFound, $"unknown ambulance '{ambulanceId}'");
}
