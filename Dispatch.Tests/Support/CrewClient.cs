using System.Threading.Channels;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Tests.Support;

/// <summary>A crew's side of CrewService.Connect over a real channel: sends messages, waits for the updates it expects.</summary>
internal sealed class CrewClient : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<CrewMessage, CrewUpdate> _call;
    private readonly Channel<CrewUpdate> _received = Channel.CreateUnbounded<CrewUpdate>();
    private readonly Task _reader;

    private CrewClient(GrpcChannel channel)
    {
        _call = new CrewService.CrewServiceClient(channel).Connect();
        _reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in _call.ResponseStream.ReadAllAsync())
                {
                    await _received.Writer.WriteAsync(update);
                }

                _received.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _received.Writer.TryComplete(e);
            }
        });
    }

    public static async Task<(CrewClient Crew, CrewWelcome Welcome)> Connect(GrpcChannel channel, string ambulanceId)
    {
        var crew = new CrewClient(channel);
        await crew.Send(new CrewMessage { Hello = new CrewHello { AmbulanceId = ambulanceId } });
        var welcome = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Welcome, "the welcome");
        return (crew, welcome.Welcome);
    }

    public Task Send(CrewMessage message) => _call.RequestStream.WriteAsync(message);

    /// <summary>The next update that matches, skipping others (acks of earlier chunks, say).</summary>
    public async Task<CrewUpdate> Next(Func<CrewUpdate, bool> match, string waitingFor)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var skipped = new List<CrewUpdate>();
        try
        {
            while (true)
            {
                var update = await _received.Reader.ReadAsync(limit.Token);
                if (match(update))
                {
                    return update;
                }

                skipped.Add(update);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the crew stream never brought {waitingFor}; it brought: {string.Join("; ", skipped.TakeLast(10))}");
        }
        catch (ChannelClosedException closed) when (closed.InnerException is RpcException refused)
        {
            // The server ended the stream with a status: that status is the answer.
            throw refused;
        }
    }

    public Task<CrewUpdate> Ack(ulong sequence) =>
        Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.EcgAck && u.EcgAck.Sequence >= sequence, $"an ack of ECG chunk {sequence}");

    /// <summary>Drops the connection the way a flaky mobile link does: no goodbye.</summary>
    public async Task Cut()
    {
        _call.Dispose();
        await _reader;
    }

    public async ValueTask DisposeAsync()
    {
        await _call.RequestStream.CompleteAsync();
        await _reader;
        _call.Dispose();
    }
}
