using Dispatch.Contracts.Feed;
using Orleans.Concurrency;

namespace Dispatch.Contracts.Grains;

/// <summary>A process that serves coordinators: one per API process, fanning out to its clients.</summary>
[Alias("dispatch.IRegionFeedObserver")]
public interface IRegionFeedObserver : IGrainObserver
{
    [Alias("Changed"), OneWay]
    Task Changed(RegionChanges changes);
}
