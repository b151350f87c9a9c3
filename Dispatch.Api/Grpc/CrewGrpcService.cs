using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.CrewService: one bidirectional stream per ambulance on shift.</summary>
public sealed class CrewGrpcService(IGrainFactory grains, RegionCatalog catalog, TimeProvider time) : CrewService.CrewServiceBase
{
    public override Task Connect(IAsyncStreamReader<CrewMessage> requestStream, IServerStreamWriter<CrewUpdate> responseStream,
        ServerCallContext context) =>
        new CrewConnection(grains, catalog, time, Security.Caller.Of(context)).Run(requestStream, responseStream, context.CancellationToken);
}
