using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Crew;

/// <summary>What a crew is told when its ambulance is sent to a case.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CrewAssignment")]
public sealed record CrewAssignment(
    [property: Id(0)] string CaseId,
    [property: Id(1)] GeoPoint Scene,
    [property: Id(2)] Complaint Complaint,
    [property: Id(3)] double? EtaMinutes);
