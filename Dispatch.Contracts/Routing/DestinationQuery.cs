using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Routing;

/// <summary>What the destination policy needs to know about the patient.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.DestinationQuery")]
public sealed record DestinationQuery(
    [property: Id(0)] GeoPoint Location,
    [property: Id(1)] Complaint Complaint,
    [property: Id(2)] Diagnosis? Diagnosis,
    [property: Id(3)] DateTimeOffset Now,
    [property: Id(4)] DateTimeOffset? FirstMedicalContact = null,
    [property: Id(5)] DateTimeOffset? SymptomOnset = null);
