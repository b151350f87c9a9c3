using Dispatch.Contracts.Feed;
using Dispatch.Contracts.Grains;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Dispatch.Grains.Feed;

public sealed class RegionFeedGrain(ILogger<RegionFeedGrain> logger) : Grain, IRegionFeedGrain
{
    /// <summary>A serving process that has not renewed within this is dropped (it died).</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IRegionFeedObserver> _observers = new(ObserverExpiry, logger);

    public Task Publish(RegionChanges changes) => _observers.Notify(o => o.Changed(changes));

    public Task Subscribe(IRegionFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IRegionFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
