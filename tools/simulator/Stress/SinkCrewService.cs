using Dispatch.Api.Grpc;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// The bare ceiling: the crew stream's contract with nothing behind it. Each ECG chunk is answered
/// with its acknowledgement at once: what gRPC streaming alone costs on this machine. A crew's
/// stream is read as the engine reads it, to its end or the crew hanging up.
/// </summary>
public sealed class SinkCrewService : CrewService.CrewServiceBase
{
    public override async Task Connect(IAsyncStreamReader<CrewMessage> requestStream, IServerStreamWriter<CrewUpdate> responseStream, ServerCallContext context)
    {
        await foreach (var message in requestStream.UntilHangUp(context.CancellationToken))
        {
            if (message.BodyCase == CrewMessage.BodyOneofCase.Ecg)
            {
                await responseStream.WriteAsync(new CrewUpdate { EcgAck = new EcgAck { CaseId = message.Ecg.CaseId, Sequence = message.Ecg.Sequence } });
            }
        }
    }
}
