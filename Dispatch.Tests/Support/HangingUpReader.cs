using Grpc.Core;

namespace Dispatch.Tests.Support;

/// <summary>
/// A client's side of a stream that gives its messages, then fails its next read with
/// <paramref name="end"/>: by default as a reset stream does when the client hangs up, its call not
/// (yet) cancelled.
/// </summary>
public sealed class HangingUpReader<T>(Exception? end, params T[] messages) : IAsyncStreamReader<T>
    where T : class
{
    private int _next;

    public HangingUpReader(params T[] messages)
        : this(null, messages)
    {
    }

    public T Current { get; private set; } = null!;

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_next == messages.Length)
        {
            throw end ?? new IOException("The client reset the request stream.");
        }

        Current = messages[_next++];
        return Task.FromResult(true);
    }
}
