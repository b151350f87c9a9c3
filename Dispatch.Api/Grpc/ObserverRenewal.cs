namespace Dispatch.Api.Grpc;

/// <summary>
/// Keeps a stream's observer registered with its grain for as long as the stream lasts: every
/// interval, at once when a silo is lost, and again a second later when a registration fails (the
/// grain may be moving to another silo). A failed renewal never ends the stream.
/// </summary>
internal static class ObserverRenewal
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    public static async Task Keep(Func<Task> subscribe, ClusterChanges changes, TimeSpan interval, CancellationToken cancellation)
    {
        var wait = interval;
        try
        {
            while (true)
            {
                await changes.NextRenewal(wait, cancellation);
                try
                {
                    await subscribe();
                    wait = interval;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    wait = RetryAfterFailure;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }

    /// <summary>Unregisters at the end of a stream; a grain that cannot be reached then has nothing to drop (its registration expires).</summary>
    public static async Task Quietly(Func<Task> unsubscribe)
    {
        try
        {
            await unsubscribe();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Expires by itself within a minute.
        }
    }
}
