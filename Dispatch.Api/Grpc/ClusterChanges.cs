namespace Dispatch.Api.Grpc;

/// <summary>
/// Signals that a silo was lost. Grains it hosted come back elsewhere without the observers this
/// process had registered with them; the streams re-register at once rather than at their next
/// renewal, so a crew or centre misses as little as possible.
/// </summary>
public sealed class ClusterChanges
{
    /// <summary>Let the cluster drop the dead silo's directory entries before registering again.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void SiloLost() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for the renewal interval or a lost silo, whichever comes first.</summary>
    public async Task NextRenewal(TimeSpan interval, CancellationToken cancellation)
    {
        var lost = Volatile.Read(ref _next).Task;
        if (await Task.WhenAny(Task.Delay(interval, cancellation), lost.WaitAsync(cancellation)) == lost)
        {
            await Task.Delay(Settle, cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
    }
}
