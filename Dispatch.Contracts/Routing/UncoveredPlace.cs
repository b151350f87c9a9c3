namespace Dispatch.Contracts.Routing;

/// <summary>A hospital or station outside every capable centre's circle, and how far the nearest one is.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.UncoveredPlace")]
public sealed record UncoveredPlace(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] double? NearestCentreMinutes,
    [property: Id(4)] string? NearestCentreId);
