using System.Collections.Concurrent;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// A crew's stream as its app holds it: sends fixes, statuses and ECG chunks; notes when each
/// chunk is acknowledged (its latency) and hands out the destination when it comes.
/// </summary>
public sealed class CrewSession : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<CrewMessage, CrewUpdate> _call;
    private readonly Task _reader;
    private readonly ConcurrentDictionary<ulong, long> _sentAt = new();
    private readonly LatencyRecorder _ackLatency;
    private readonly DrillCounters _counters;
    private readonly ConcurrentQueue<string> _refusals;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly System.Threading.Channels.Channel<DestinationUpdate> _destinations = System.Threading.Channels.Channel.CreateUnbounded<DestinationUpdate>();
    private ulong _acked;

    private CrewSession(GrpcChannel channel, DrillMetrics metrics, TimeProvider time)
    {
        (_ackLatency, _counters, _refusals, _time) = (metrics.EcgAck, metrics.Counters, metrics.Refusals, time);
        _call = new CrewService.CrewServiceClient(channel).Connect();
        _reader = Task.Run(Read);
    }

    public static async Task<CrewSession> Open(GrpcChannel channel, string ambulanceId, DrillMetrics metrics, TimeProvider time)
    {
        var session = new CrewSession(channel, metrics, time);
        await session.Send(new CrewMessage { Hello = new CrewHello { AmbulanceId = ambulanceId } });
        return session;
    }

    public ulong Acked => Interlocked.Read(ref _acked);

    public async Task Send(CrewMessage message)
    {
        await _sending.WaitAsync();
        try
        {
            if (message.BodyCase == CrewMessage.BodyOneofCase.Ecg)
            {
                _sentAt[message.Ecg.Sequence] = _time.GetTimestamp();
            }

            await _call.RequestStream.WriteAsync(message);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next destination the engine sends (a new one, or a re-route); null when none came in time.</summary>
    public async Task<DestinationUpdate?> NextDestination(TimeSpan within)
    {
        using var limit = new CancellationTokenSource(within);
        try
        {
            return await _destinations.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync();
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or TimeoutException)
        {
            // The stream is over either way.
        }

        _call.Dispose();
    }

    private async Task Read()
    {
        try
        {
            await foreach (var update in _call.ResponseStream.ReadAllAsync())
            {
                switch (update.BodyCase)
                {
                    case CrewUpdate.BodyOneofCase.EcgAck:
                        Acknowledge(update.EcgAck.Sequence);
                        break;
                    case CrewUpdate.BodyOneofCase.Destination:
                        _destinations.Writer.TryWrite(update.Destination);
                        break;
                    case CrewUpdate.BodyOneofCase.Rejected:
                        Interlocked.Increment(ref _counters.Failures);
                        _refusals.Enqueue($"{update.Rejected.Code}: {update.Rejected.Message}");
                        break;
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            // Closed by the drill.
        }
    }

    private void Acknowledge(ulong sequence)
    {
        for (var s = Interlocked.Read(ref _acked) + 1; s <= sequence; s++)
        {
            if (_sentAt.TryRemove(s, out var sent))
            {
                _ackLatency.Add(_time.GetElapsedTime(sent));
                Interlocked.Increment(ref _counters.EcgChunksAcked);
            }
        }

        Interlocked.Exchange(ref _acked, Math.Max(Interlocked.Read(ref _acked), sequence));
    }
}
