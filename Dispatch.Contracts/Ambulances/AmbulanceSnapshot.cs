using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Ambulances;

/// <summary>An ambulance's last known position and status.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.AmbulanceSnapshot")]
public sealed record AmbulanceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string StationId,
    [property: Id(2)] AmbulanceStatus Status,
    [property: Id(3)] GeoPoint Position,
    [property: Id(4)] DateTimeOffset? PositionAt,
    [property: Id(5)] string? CaseId);
