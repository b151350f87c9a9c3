using Dispatch.Api.Mapping;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Api.Security;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.EcgService: a case's stored ECG, whole.</summary>
[BindServiceMethod(typeof(EcgService.EcgServiceBase), nameof(EcgService.EcgServiceBase.BindValidated))]
public sealed class EcgGrpcService(IGrainFactory grains) : EcgService.EcgServiceBase
{
    public override async Task<EcgRecording> ReadRecording(ReadRecordingRequest request, ServerCallContext context)
    {
        var (_, snapshot) = await VisibleCase.Find(grains, request.CaseId, context);
        return EcgMapping.ToWire(snapshot.CaseId, await grains.GetGrain<IEcgRecordingGrain>(snapshot.CaseId).Read());
    }
}
