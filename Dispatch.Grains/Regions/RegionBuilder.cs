using Dispatch.Contracts.Hospitals;

namespace Dispatch.Grains.Regions;

/// <summary>Collects a region's features and refuses duplicate ids, naming both features.</summary>
internal sealed class RegionBuilder
{
    private readonly List<HospitalProfile> _hospitals = [];
    private readonly List<AmbulanceStation> _stations = [];
    private readonly List<RoadSegment> _roads = [];
    private readonly Dictionary<string, int> _placeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ambulanceIds = new(StringComparer.Ordinal);

    public void Add(FeatureReader reader, HospitalProfile hospital)
    {
        ClaimId(reader, "id", hospital.Id, _placeIds);
        _hospitals.Add(hospital);
    }

    public void Add(FeatureReader reader, AmbulanceStation station)
    {
        ClaimId(reader, "id", station.Id, _placeIds);
        if (station.AmbulanceIds.Count == 0)
        {
            throw reader.Error("ambulances", "a station needs at least one ambulance id");
        }

        foreach (var ambulance in station.AmbulanceIds)
        {
            ClaimId(reader, "ambulances", ambulance, _ambulanceIds);
        }

        _stations.Add(station);
    }

    public void Add(RoadSegment road) => _roads.Add(road);

    public Region Build(string name, bool requireRoads)
    {
        if (_hospitals.Count == 0)
        {
            throw new RegionFormatException(null, "features", "a region needs at least one hospital");
        }

        if (requireRoads && _roads.Count == 0)
        {
            throw new RegionFormatException(null, "features", "a region needs at least one road");
        }

        return new Region(name, _hospitals, _stations, _roads);
    }

    private static void ClaimId(FeatureReader reader, string field, string id, Dictionary<string, int> seen)
    {
        if (!seen.TryAdd(id, reader.Index))
        {
            throw reader.Error(field, $"duplicate id \"{id}\", already used by feature {seen[id]}");
        }
    }
}
