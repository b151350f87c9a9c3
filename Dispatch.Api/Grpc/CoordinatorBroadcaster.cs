using System.Collections.Concurrent;
using Dispatch.Contracts.Feed;
using Dispatch.Contracts.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Api.Grpc;

/// <summary>
/// One per API process: a single registration with the region feed, fanned out to every
/// connected coordinator. Renews its registration so that a restarted feed grain finds it again.
/// </summary>
public sealed partial class CoordinatorBroadcaster(IGrainFactory grains, IHostApplicationLifetime lifetime, ClusterChanges changes,
    TimeProvider time, ILogger<CoordinatorBroadcaster> logger)
    : BackgroundService, IRegionFeedObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(15);

    /// <summary>How long stopping waits to unregister: a feed grain out of reach forgets the registration when it expires.</summary>
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<CoordinatorSession, byte> _sessions = new();
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this process receives region changes.</summary>
    public Task Registered => _registered.Task;

    internal IDisposable Join(CoordinatorSession session)
    {
        _sessions[session] = 0;
        return new Leave(() => _sessions.TryRemove(session, out _));
    }

    public Task Changed(RegionChanges changes)
    {
        foreach (var session in _sessions.Keys)
        {
            session.Merge(changes);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The silo (co-hosted or the cluster's) must be up before a grain can be called.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        // Stops renewing as soon as the engine starts to stop: the silo shuts down after this
        // service, and a renewal sent into a stopping silo only ends in errors in the log.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = running.Token;
        var reference = grains.CreateObjectReference<IRegionFeedObserver>(this);
        var feed = grains.GetGrain<IRegionFeedGrain>(IRegionFeedGrain.RegionKey);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await feed.Subscribe(reference);
                    _registered.TrySetResult();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(logger, e);
                }

                await changes.NextRenewal(_registered.Task.IsCompleted ? Renewal : TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            // Unregistered, or the feed grain would go on publishing here until the silo stops. The
            // reference is not deleted: a batch the feed sent just before it processed the
            // unsubscribe can still arrive after the answer (seen at 3,000 crews), and one that
            // finds a deleted reference is logged as an error (as ObserverRetirement explains for
            // crews). Orleans holds this observer only weakly; it goes with the engine's host.
            await ObserverRenewal.Quietly(() => feed.Unsubscribe(reference).WaitAsync(UnsubscribeTimeout, time));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register with the region feed; retrying")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    private sealed class Leave(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}
