namespace Dispatch.Contracts.Crew;

/// <summary>Where to take the patient and why; <see cref="Reroute"/> when it replaces an earlier destination.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CrewDestination")]
public sealed record CrewDestination(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string HospitalId,
    [property: Id(2)] string HospitalName,
    [property: Id(3)] double? EtaMinutes,
    [property: Id(4)] string Reason,
    [property: Id(5)] bool Reroute);
