using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// Streams ECG chunks on one crew stream, either as fast as acknowledgements allow (a window of
/// chunks in flight) or at the monitor's real rate (4 a second), and counts what was acknowledged.
/// </summary>
public sealed class EcgPump(CallInvoker channel, string ambulanceId, string caseId, WireEcgTemplate template, TimeProvider time)
{
    private const int Window = 16;

    public long Sent { get; private set; }

    public long Acked => Interlocked.Read(ref _acked);

    private long _acked;
    private long _rejected;

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <param name="startAfter">How long the monitor stays off before its stream opens.</param>
    /// <param name="stopSending">Ends the recording; what was sent is still waited for.</param>
    public async Task Run(bool realTime, Drills.LatencyRecorder? latency, TimeSpan startAfter, CancellationToken stopSending, CancellationToken cancellation)
    {
        if (startAfter > TimeSpan.Zero)
        {
            await Task.Delay(startAfter, time, cancellation);
        }

        using var call = new CrewService.CrewServiceClient(channel).Connect(cancellationToken: cancellation);
        var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<ulong, long>();
        using var credit = new SemaphoreSlim(Window, Window);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in call.ResponseStream.ReadAllAsync(cancellation))
                {
                    if (update.BodyCase == CrewUpdate.BodyOneofCase.Rejected)
                    {
                        // Counted; a refused chunk is never acknowledged, so it shows as lost.
                        Interlocked.Increment(ref _rejected);
                        continue;
                    }

                    if (update.BodyCase != CrewUpdate.BodyOneofCase.EcgAck)
                    {
                        continue;
                    }

                    for (var s = (ulong)Interlocked.Read(ref _acked) + 1; s <= update.EcgAck.Sequence; s++)
                    {
                        if (sentAt.TryRemove(s, out var at))
                        {
                            latency?.Add(time.GetElapsedTime(at));
                            credit.Release();
                        }
                    }

                    Interlocked.Exchange(ref _acked, Math.Max(Interlocked.Read(ref _acked), (long)update.EcgAck.Sequence));
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }
        }, CancellationToken.None);

        await call.RequestStream.WriteAsync(new CrewMessage { Hello = new CrewHello { AmbulanceId = ambulanceId } }, cancellation);
        var started = time.GetTimestamp();
        var origin = time.GetUtcNow();
        while (!stopSending.IsCancellationRequested)
        {
            if (!await credit.WaitAsync(TimeSpan.FromSeconds(10), cancellation))
            {
                // Ten seconds without an acknowledgement: the engine has stopped answering this stream.
                break;
            }

            var sequence = (ulong)Sent + 1;
            // Flat out, a chunk is stamped when it is sent (faster than real time, signal time would run
            // ahead of the clock, which the engine rightly refuses); at the monitor's rate, by its signal.
            var startedAt = realTime ? origin + template.ChunkDuration * Sent : time.GetUtcNow();
            sentAt[sequence] = time.GetTimestamp();
            await call.RequestStream.WriteAsync(new CrewMessage { Ecg = template.Chunk(Sent, caseId, sequence, startedAt) }, cancellation);
            Sent++;
            if (realTime)
            {
                // A monitor sends a 250 ms chunk every 250 ms.
                var due = template.ChunkDuration * Sent;
                var wait = due - time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellation);
                }
            }
        }

        var drain = time.GetTimestamp();
        while (Acked < Sent && time.GetElapsedTime(drain) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, cancellation);
        }

        await call.RequestStream.CompleteAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(10), cancellation);
    }
}
