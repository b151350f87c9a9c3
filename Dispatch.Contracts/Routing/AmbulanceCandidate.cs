namespace Dispatch.Contracts.Routing;

/// <summary>An available ambulance and its road ETA to a scene.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.AmbulanceCandidate")]
public sealed record AmbulanceCandidate(
    [property: Id(0)] string AmbulanceId,
    [property: Id(1)] double EtaMinutes,
    [property: Id(2)] bool FromStation);
