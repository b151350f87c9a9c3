using System.Collections.Immutable;
using Dispatch.Contracts.Routing;

namespace Dispatch.Contracts.Grains;

/// <summary>
/// The region's road closures and congestion (key: region), persisted. Every silo's routing
/// engine follows the version here.
/// </summary>
[Alias("dispatch.IRoadConditionsGrain")]
public interface IRoadConditionsGrain : IGrainWithStringKey
{
    const string RegionKey = "region";

    /// <summary>Adds or replaces a condition by id; returns the new version.</summary>
    [Alias("Set")]
    Task<long> Set(RoadCondition condition);

    /// <summary>Removes a condition; returns the new version.</summary>
    [Alias("Clear")]
    Task<long> Clear(string conditionId);

    [Alias("Get")]
    Task<RoadConditionSet> Get();
}
