using System.Collections.Concurrent;
using Grpc.Core;

namespace Dispatch.Api.Security;

/// <summary>Rate and stream-count limits kept per identity (role, subject and binding of the token).</summary>
public sealed class IdentityLimits(LimitOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> _crewMessages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _streams = new(StringComparer.Ordinal);

    public LimitOptions Options => options;

    /// <summary>Takes one call from the caller's allowance or refuses it with ResourceExhausted.</summary>
    public void TakeCall(Caller caller)
    {
        var bucket = _calls.GetOrAdd(caller.Identity, _ => new TokenBucket(options.CallsPerSecond, options.CallBurst, time.GetUtcNow()));
        if (!bucket.TryTake(time.GetUtcNow()))
        {
            throw Exhausted($"rate limit: this identity may make {options.CallsPerSecond:0.##} calls a second (bursts of {options.CallBurst:0}); slow down and retry");
        }
    }

    /// <summary>Whether one more crew-stream message fits the caller's allowance.</summary>
    public bool TryTakeCrewMessage(Caller caller) =>
        _crewMessages.GetOrAdd(caller.Identity, _ => new TokenBucket(options.CrewMessagesPerSecond, options.CrewMessageBurst, time.GetUtcNow()))
            .TryTake(time.GetUtcNow());

    /// <summary>Counts an open stream until the returned handle is disposed; refuses one over the limit.</summary>
    public IDisposable OpenStream(Caller caller)
    {
        var open = _streams.AddOrUpdate(caller.Identity, 1, (_, count) => count + 1);
        if (open > options.StreamsPerIdentity)
        {
            Close(caller.Identity);
            throw Exhausted($"this identity already holds {options.StreamsPerIdentity} open streams; close one first");
        }

        return new StreamHandle(this, caller.Identity);
    }

    private void Close(string identity) => _streams.AddOrUpdate(identity, 0, (_, count) => count - 1);

    private static RpcException Exhausted(string why) => new(new Status(StatusCode.ResourceExhausted, why));

    private sealed class StreamHandle(IdentityLimits limits, string identity) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limits.Close(identity);
            }
        }
    }
}
