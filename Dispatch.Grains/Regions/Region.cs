using Dispatch.Contracts.Hospitals;

namespace Dispatch.Grains.Regions;

/// <summary>A region's network as loaded from its file: hospitals, ambulance stations and roads.</summary>
public sealed record Region(
    string Name,
    IReadOnlyList<HospitalProfile> Hospitals,
    IReadOnlyList<AmbulanceStation> Stations,
    IReadOnlyList<RoadSegment> Roads);
