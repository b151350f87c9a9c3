using Microsoft.Extensions.Hosting;

namespace Dispatch.Api.Grpc;

/// <summary>
/// Retires a stream's grain observer. A notification the grain sent just before it processed the
/// unsubscribe may still be in flight; deleting the reference at once makes Orleans log an error
/// for it. So the observer (which by then drops what it gets) stays reachable a few seconds more,
/// and no longer once the engine stops: the wait holds the grain factory, and with it the whole
/// engine, which a stopped engine's host must be able to let go of. A reference retired as the
/// engine stops is not deleted at all, for the same late notification: the client's registry
/// holds it only weakly and goes with the engine (as the coordinator broadcaster's does).
/// </summary>
public sealed class ObserverRetirement(IHostApplicationLifetime lifetime, TimeProvider time)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public void Retire<TObserver>(IGrainFactory grains, TObserver reference, object observer)
        where TObserver : IGrainObserver =>
        _ = Task.Delay(Grace, time, lifetime.ApplicationStopping).ContinueWith(wait =>
        {
            if (!wait.IsCanceled)
            {
                grains.DeleteObjectReference<TObserver>(reference);
            }

            GC.KeepAlive(observer);
        }, TaskScheduler.Default);
}
