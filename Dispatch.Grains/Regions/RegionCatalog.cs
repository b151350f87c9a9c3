using System.Collections.Frozen;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Geo;
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
        Bounds = RegionBounds.Of(region);
    }

    /// <summary>How far outside the region's box a position may be (a patient just over the border, a GPS drifting).</summary>
    public const double MarginKm = 50;

    public Region Region { get; }

    public FrozenDictionary<string, HospitalProfile> Hospitals { get; }

    public FrozenDictionary<string, AmbulanceStation> Stations { get; }

    public FrozenDictionary<string, AmbulanceStation> StationOfAmbulance { get; }

    public IReadOnlyList<string> AmbulanceIds { get; }

    public RegionBounds Bounds { get; }

    /// <summary>Refuses a position far outside the region: a GPS fault or a wrong region, not a patient to route.</summary>
    public GeoPoint EnsureNear(GeoPoint point, string field)
    {
        var outside = Bounds.KmOutside(point);
        return outside <= MarginKm
            ? point
            : throw new RuleException(RuleViolation.InvalidArgument,
                $"{field} {point} is {outside:F0} km outside region '{Region.Name}'; positions must lie within {MarginKm:F0} km of it");
    }

    public HospitalProfile GetHospital(string id) =>
        Hospitals.TryGetValue(id, out var hospital)
            ? hospital
            : throw new RuleException(RuleViolation.NotFound, $"unknown hospital '{id}'");

    public AmbulanceStation GetStationOf(string ambulanceId) =>
        StationOfAmbulance.TryGetValue(ambulanceId, out var station)
            ? station
            : throw new RuleException(RuleViolation.NotFound, $"unknown ambulance '{ambulanceId}'");
}
