using Dispatch.Api.Security;
using Dispatch.Api.Mapping;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.CrewService: one bidirectional stream per ambulance on shift.</summary>
[BindServiceMethod(typeof(CrewService.CrewServiceBase), nameof(CrewService.CrewServiceBase.BindValidated))]
public sealed class CrewGrpcService(IGrainFactory grains, RegionCatalog catalog, InputRules rules, IdentityLimits limits, DeliveryAudit audit,
    ClusterChanges changes, ObserverRetirement retirement, TimeProvider time) : CrewService.CrewServiceBase
{
    public override async Task Connect(IAsyncStreamReader<CrewMessage> requestStream, IServerStreamWriter<CrewUpdate> responseStream,
        ServerCallContext context)
    {
        using var connection = new CrewConnection(responseStream, grains, catalog, rules, Caller.Of(context), limits, audit, changes, retirement, time);
        await connection.Run(requestStream, context.CancellationToken);
    }
}
