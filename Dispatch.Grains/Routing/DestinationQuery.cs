using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;

namespace Dispatch.Grains.Routing;

/// <summary>What the policy needs to know about the patient.</summary>
public sealed record DestinationQuery(
    GeoPoint Location,
    Complaint Complaint,
    Diagnosis? Diagnosis,
    DateTimeOffset Now,
    DateTimeOffset? FirstMedicalContact = null,
    DateTimeOffset? SymptomOnset = null);
