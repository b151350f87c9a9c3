using System.Threading.Channels;
using Dispatch.Api.Mapping;
using Dispatch.Contracts.Crew;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>Receives the ambulance grain's pushes for one crew connection and queues them for its stream.</summary>
internal sealed class CrewObserver(ChannelWriter<CrewUpdate> outbox) : IAmbulanceObserver
{
    public Task Assigned(CrewAssignment assignment)
    {
        var update = new Assignment
        {
            CaseId = assignment.CaseId,
            Scene = assignment.Scene.ToWire(),
            Complaint = assignment.Complaint.ToWireEnum<Contracts.Cases.Complaint, Complaint>(),
        };
        if (assignment.EtaMinutes is { } eta)
        {
            update.EtaMinutes = eta;
        }

        return Enqueue(new CrewUpdate { Assignment = update });
    }

    public Task DestinationChanged(CrewDestination destination)
    {
        var update = new DestinationUpdate
        {
            CaseId = destination.CaseId,
            HospitalId = destination.HospitalId,
            HospitalName = destination.HospitalName,
            Reason = destination.Reason,
            Reroute = destination.Reroute,
        };
        if (destination.EtaMinutes is { } eta)
        {
            update.EtaMinutes = eta;
        }

        return Enqueue(new CrewUpdate { Destination = update });
    }

    public Task EcgAnalysed(string caseId, Contracts.Ecg.EcgFindings findings) =>
        Enqueue(new CrewUpdate { EcgFindings = findings.ToWire() });

    /// <summary>
    /// Never blocks the grain. A crew so far behind that its queue is full loses its stream rather
    /// than an update: it reconnects and reads where it stands from the welcome.
    /// </summary>
    private Task Enqueue(CrewUpdate update)
    {
        if (!outbox.TryWrite(update))
        {
            outbox.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted, "the crew stream fell behind; reconnect")));
        }

        return Task.CompletedTask;
    }
}
