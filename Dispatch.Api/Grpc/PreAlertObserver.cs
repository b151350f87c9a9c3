using System.Threading.Channels;
using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Grpc.Core;
using Domain = Dispatch.Contracts.Alerts;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Grpc;

/// <summary>
/// Queues the hospital grain's pre-alerts for one centre's stream; never blocks the grain. Each
/// pre-alert reaches the stream once: a hospital activation that replaced one lost with its silo
/// sends every current pre-alert to the renewed registration (it cannot know what this stream has
/// had), and one this stream already passed on, unchanged, is not passed on again.
/// </summary>
internal sealed class PreAlertObserver(ChannelWriter<V1.PreAlert> outbox) : IHospitalObserver
{
    /// <summary>The last pre-alert passed on for each patient on the way; a patient who arrived or went elsewhere is forgotten.</summary>
    private readonly Dictionary<string, V1.PreAlert> _delivered = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();

    public Task PreAlert(Domain.PreAlert alert)
    {
        var wire = alert.ToWire();
        lock (_gate)
        {
            if (alert.Kind is Domain.PreAlertKind.Withdrawn or Domain.PreAlertKind.Arrived)
            {
                _delivered.Remove(alert.CaseId);
            }
            else if (_delivered.TryGetValue(alert.CaseId, out var last) && last.Equals(wire))
            {
                // The very pre-alert this stream passed on last (a protobuf message compares by content):
                // the replay after a failover, which would show the centre a patient announced twice.
                return Task.CompletedTask;
            }
            else
            {
                _delivered[alert.CaseId] = wire;
            }

            // A centre so far behind that 1,024 pre-alerts wait is disconnected rather than silently skipped:
            // on reconnecting it gets every current pre-alert again.
            if (!outbox.TryWrite(wire))
            {
                outbox.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted, "the pre-alert stream fell behind; reconnect")));
            }
        }

        return Task.CompletedTask;
    }
}
