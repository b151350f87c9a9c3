using System.Collections.Immutable;

namespace Dispatch.Contracts.Routing;

[GenerateSerializer, Immutable, Alias("dispatch.RoadConditionSet")]
public sealed record RoadConditionSet(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<RoadCondition> Conditions);
