using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Cases;

/// <summary>
/// A new emergency: a call from <see cref="Location"/>, or a patient who walked into
/// <see cref="PresentingHospitalId"/> (the start of an upward referral).
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.OpenCaseRequest")]
public sealed record OpenCaseRequest(
    [property: Id(0)] string CommandId,
    [property: Id(1)] GeoPoint Location,
    [property: Id(2)] Complaint Complaint,
    [property: Id(3)] DateTimeOffset? SymptomOnset = null,
    [property: Id(4)] string? PresentingHospitalId = null,
    [property: Id(5)] int? PatientAge = null,
    [property: Id(6)] PatientSex PatientSex = PatientSex.Unknown);
