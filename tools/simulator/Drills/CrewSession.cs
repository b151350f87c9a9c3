using System.Collections.Concurrent;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// A crew's stream as its app holds it: sends fixes, statuses and ECG chunks; notes when each
/// chunk is acknowledged (its latency) and hands out the destination when it comes. When the
/// stream breaks (its silo died) it connects again, through a silo that is up, and resends what
/// the engine may not have: every chunk not yet acknowledged, and its commands (each has an id,
/// so a repeat changes nothing).
/// </summary>
public sealed class CrewSession : IAsyncDisposable
{
    private static readonly TimeSpan RetryConnectAfter = TimeSpan.FromSeconds(1);

    private readonly CallInvoker _channel;
    private readonly string _ambulanceId;
    private readonly ConcurrentDictionary<ulong, long> _sentAt = new();
    private readonly SortedDictionary<ulong, CrewMessage> _unacked = [];
    private readonly List<CrewMessage> _commands = [];
    private readonly LatencyRecorder _ackLatency;
    private readonly DrillCounters _counters;
    private readonly ConcurrentQueue<string> _refusals;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly System.Threading.Channels.Channel<DestinationUpdate> _destinations = System.Threading.Channels.Channel.CreateUnbounded<DestinationUpdate>();
    private AsyncDuplexStreamingCall<CrewMessage, CrewUpdate> _call = null!;
    private Task _reader = Task.CompletedTask;
    private ulong _acked;
    private int _reconnects;

    private CrewSession(CallInvoker channel, string ambulanceId, DrillMetrics metrics, TimeProvider time)
    {
        (_channel, _ambulanceId, _ackLatency, _counters, _refusals, _time) = (channel, ambulanceId, metrics.EcgAck, metrics.Counters, metrics.Refusals, time);
    }

    public static async Task<CrewSession> Open(CallInvoker channel, string ambulanceId, DrillMetrics metrics, TimeProvider time)
    {
        var session = new CrewSession(channel, ambulanceId, metrics, time);
        await session._sending.WaitAsync();
        try
        {
            await session.Connect();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The welcome is awaited now, so a silo going down shows here: keep trying as a broken stream does.
            await session.Reconnect(session._call);
        }
        finally
        {
            session._sending.Release();
        }

        session._reader = Task.Run(session.Read);
        return session;
    }

    public ulong Acked => Interlocked.Read(ref _acked);

    /// <summary>How often the stream had to be opened again.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    public async Task Send(CrewMessage message)
    {
        await _sending.WaitAsync();
        try
        {
            switch (message.BodyCase)
            {
                case CrewMessage.BodyOneofCase.Ecg:
                    _sentAt[message.Ecg.Sequence] = _time.GetTimestamp();
                    lock (_unacked)
                    {
                        _unacked[message.Ecg.Sequence] = message;
                    }

                    break;
                case CrewMessage.BodyOneofCase.Status or CrewMessage.BodyOneofCase.Scale:
                    _commands.Add(message);
                    break;
            }

            var call = _call;
            try
            {
                await call.RequestStream.WriteAsync(message);
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
            {
                // The new stream resends chunks and commands; a lost GPS fix is replaced by the next.
                await Reconnect(call);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The patient is handed over: nothing of this case is to be sent again on a new stream.</summary>
    public void CaseFinished()
    {
        _commands.Clear();
        lock (_unacked)
        {
            _unacked.Clear();
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
        await _closing.CancelAsync();
        try
        {
            await _call.RequestStream.CompleteAsync();
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or TimeoutException or IOException)
        {
            // The stream is over either way.
        }

        _call.Dispose();
    }

    /// <summary>The case this session serves, as the engine's first welcome named it.</summary>
    private string? _caseId;

    /// <summary>
    /// Opens a stream and brings the engine up to date; the caller holds the send lock. What is sent
    /// again waits for the welcome: once the ambulance no longer serves this session's case (handed
    /// over by request while the stream was down), its statuses are history, and sent again they
    /// would be refused, or worse, land on the ambulance's next case.
    /// </summary>
    private async Task Connect()
    {
        _call = new CrewService.CrewServiceClient(_channel).Connect();
        await _call.RequestStream.WriteAsync(new CrewMessage { Hello = new CrewHello { AmbulanceId = _ambulanceId } });
        var welcome = await Welcome(_call);
        if (welcome.CaseId.Length == 0 || welcome.CaseId != (_caseId ??= welcome.CaseId))
        {
            return;
        }

        foreach (var command in _commands)
        {
            await _call.RequestStream.WriteAsync(command);
        }

        List<CrewMessage> chunks;
        lock (_unacked)
        {
            chunks = [.. _unacked.Values];
        }

        foreach (var chunk in chunks)
        {
            await _call.RequestStream.WriteAsync(chunk);
        }
    }

    /// <summary>Reads up to the engine's welcome; what the engine sends before it (an assignment, a destination) is handled as usual.</summary>
    private async Task<CrewWelcome> Welcome(AsyncDuplexStreamingCall<CrewMessage, CrewUpdate> call)
    {
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.BodyCase == CrewUpdate.BodyOneofCase.Welcome)
            {
                return call.ResponseStream.Current.Welcome;
            }

            Handle(call.ResponseStream.Current);
        }

        throw new IOException("the crew stream ended before its welcome");
    }

    /// <summary>Replaces <paramref name="broken"/> unless another caller already did; keeps trying until a silo answers.</summary>
    private async Task Reconnect(AsyncDuplexStreamingCall<CrewMessage, CrewUpdate> broken)
    {
        while (ReferenceEquals(_call, broken) && !_closing.IsCancellationRequested)
        {
            try
            {
                broken.Dispose();
                await Connect();
                Interlocked.Increment(ref _reconnects);
                return;
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
            {
                await Task.Delay(RetryConnectAfter, _time, CancellationToken.None);
            }
        }
    }

    private async Task Read()
    {
        while (!_closing.IsCancellationRequested)
        {
            var call = _call;
            try
            {
                await foreach (var update in call.ResponseStream.ReadAllAsync())
                {
                    Handle(update);
                }
            }
            catch (Exception e) when (e is RpcException or IOException or InvalidOperationException)
            {
                // Broken: reconnected below, unless the drill closed it.
            }

            if (_closing.IsCancellationRequested)
            {
                return;
            }

            await _sending.WaitAsync();
            try
            {
                await Reconnect(call);
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    private void Handle(CrewUpdate update)
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

        lock (_unacked)
        {
            foreach (var done in _unacked.Keys.Where(s => s <= sequence).ToList())
            {
                _unacked.Remove(done);
            }
        }

        Interlocked.Exchange(ref _acked, Math.Max(Interlocked.Read(ref _acked), sequence));
    }
}
