namespace Dispatch.Api.Grpc;

/// <summary>
/// Retires a stream's grain observer. A notification the grain sent just before it processed the
/// unsubscribe may still be in flight; deleting the reference at once makes Orleans log an error
/// for it. So the observer (which by then drops what it gets) stays reachable a few seconds more.
/// </summary>
internal static class ObserverRetirement
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static void Retire<TObserver>(IGrainFactory grains, TObserver reference, object observer)
        where TObserver : IGrainObserver =>
        _ = Task.Delay(Grace).ContinueWith(_ =>
        {
            grains.DeleteObjectReference<TObserver>(reference);
            GC.KeepAlive(observer);
        }, TaskScheduler.Default);
}
