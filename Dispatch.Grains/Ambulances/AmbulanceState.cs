using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Ambulances;

[GenerateSerializer, Alias("dispatch.AmbulanceState")]
public sealed class AmbulanceState
{
    [Id(0)] public AmbulanceStatus Status { get; set; }
    /// <summary>Null until the first fix; the station's location stands in until then.</summary>
    [Id(1)] public GeoPoint? Position { get; set; }
    [Id(2)] public DateTimeOffset? PositionAt { get; set; }
    [Id(3)] public string? CaseId { get; set; }
    /// <summary>Where the current case is heading, for ETA updates while transporting.</summary>
    [Id(4)] public string? DestinationHospitalId { get; set; }
}
