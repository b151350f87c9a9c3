using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// The bare ceiling: the crew stream's contract with nothing behind it. Each ECG chunk is answered
/// with its acknowledgement at once: what gRPC streaming alone costs on this machine.
/// </summary>
public sealed class SinkCrewService : CrewService.CrewServiceBase
{
    public override async Task Connect(IAsyncStreamReader<CrewMessage> requestStream, IServerStreamWriter<CrewUpdate> responseStream, ServerCallContext context)
    {
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (message.BodyCase == CrewMessage.BodyOneofCase.Ecg)
                {
                    await responseStream.WriteAsync(new CrewUpdate { EcgAck = new EcgAck { CaseId = message.Ecg.CaseId, Sequence = message.Ecg.Sequence } });
                }
            }
        }
        catch (IOException)
        {
            // A crew that hangs up resets its stream ("the client reset the request stream"), often
            // before the call's cancellation is signalled: the end of a level, not a fault to log
            // (logged, each of thousands of crews printed a stack trace as the latency floor ended).
        }
    }
}
