using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

[GenerateSerializer, Alias("dispatch.RoadConditionsState")]
public sealed class RoadConditionsState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<RoadCondition> Conditions { get; set; } = [];
}
