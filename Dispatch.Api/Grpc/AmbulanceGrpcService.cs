using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Api.Security;
using Grpc.Core;
using DomainStatus = Dispatch.Contracts.Ambulances.AmbulanceStatus;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.AmbulanceService: crews report position and status.</summary>
[BindServiceMethod(typeof(AmbulanceService.AmbulanceServiceBase), nameof(AmbulanceService.AmbulanceServiceBase.BindValidated))]
public sealed class AmbulanceGrpcService(IGrainFactory grains, RegionCatalog catalog, InputRules rules)
    : AmbulanceService.AmbulanceServiceBase
{
    public override async Task<AmbulanceView> ReportPosition(ReportPositionRequest request, ServerCallContext context)
    {
        var ambulance = Known(request.AmbulanceId, context);
        var position = rules.Position(request.Position, "position");
        var at = rules.Time(request.At, "at") ?? rules.Now;
        return (await ambulance.ReportPosition(position, at)).ToWire();
    }

    public override async Task<AmbulanceView> SetStatus(SetAmbulanceStatusRequest request, ServerCallContext context)
    {
        var ambulance = Known(request.AmbulanceId, context);
        var status = request.Status.ToDomainEnum<AmbulanceStatus, DomainStatus>("status");
        return (await ambulance.SetStatus(status)).ToWire();
    }

    public override async Task<AmbulanceView> GetAmbulance(GetAmbulanceRequest request, ServerCallContext context) =>
        (await Known(request.AmbulanceId, context).GetSnapshot()).ToWire();

    private IAmbulanceGrain Known(string id, ServerCallContext context)
    {
        catalog.GetStationOf(id.Required("ambulance_id"));
        Caller.Of(context).EnsureAmbulance(id);
        return grains.GetGrain<IAmbulanceGrain>(id);
    }
}
