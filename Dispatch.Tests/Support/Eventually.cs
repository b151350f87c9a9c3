namespace Dispatch.Tests.Support;

/// <summary>
/// Waits for something the engine does in the background (a one-way re-evaluation, a stream
/// message), failing with what it waited for. Not a timing assertion: the limit only stops a
/// broken test from hanging.
/// </summary>
internal static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string waitingFor, TimeSpan? giveUpAfter = null)
    {
        using var limit = new CancellationTokenSource(giveUpAfter ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"gave up waiting for {waitingFor}; last seen: {value}");
            }

            await Task.Delay(20);
        }
    }
}
