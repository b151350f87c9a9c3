namespace Dispatch.Contracts.Routing;

/// <summary>
/// How one hospital fared in a decision: its road ETA, the projected treatment interval the
/// policy compared (e.g. FMC→device), and why it was or was not eligible.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CandidateAssessment")]
public sealed record CandidateAssessment(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] string HospitalName,
    [property: Id(2)] double? EtaMinutes,
    [property: Id(3)] double? ProjectedMinutes,
    [property: Id(4)] bool Eligible,
    [property: Id(5)] string Note);
