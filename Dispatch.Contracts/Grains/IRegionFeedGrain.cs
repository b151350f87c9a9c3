using Dispatch.Contracts.Feed;

namespace Dispatch.Contracts.Grains;

/// <summary>
/// Relays each silo's coalesced batches (a few per second per silo, however many ambulances) to
/// the processes serving coordinators, wherever they are in the cluster.
/// </summary>
[Alias("dispatch.IRegionFeedGrain")]
public interface IRegionFeedGrain : IGrainWithStringKey
{
    const string RegionKey = "region";

    [Alias("Publish")]
    Task Publish(RegionChanges changes);

    [Alias("Subscribe")]
    Task Subscribe(IRegionFeedObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IRegionFeedObserver observer);
}
