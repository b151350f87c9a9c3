using System.Threading.Channels;
using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Grpc.Core;
using Domain = Dispatch.Contracts.Alerts;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Grpc;

/// <summary>Queues the hospital grain's pre-alerts for one centre's stream; never blocks the grain.</summary>
internal sealed class PreAlertObserver(ChannelWriter<V1.PreAlert> outbox) : IHospitalObserver
{
    public Task PreAlert(Domain.PreAlert alert)
    {
        // A centre so far behind that 1,024 pre-alerts wait is disconnected rather than silently skipped:
        // on reconnecting it gets every current pre-alert again.
        if (!outbox.TryWrite(alert.ToWire()))
        {
            outbox.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted, "the pre-alert stream fell behind; reconnect")));
        }

        return Task.CompletedTask;
    }
}
