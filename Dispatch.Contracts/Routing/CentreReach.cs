namespace Dispatch.Contracts.Routing;

/// <summary>A centre and the road minutes from a place to it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CentreReach")]
public sealed record CentreReach(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] double Minutes);
