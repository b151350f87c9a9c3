using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.HospitalService: receiving centres report their live status.</summary>
public sealed class HospitalGrpcService(IGrainFactory grains, RegionCatalog catalog) : HospitalService.HospitalServiceBase
{
    public override async Task<HospitalView> UpdateStatus(UpdateHospitalStatusRequest request, ServerCallContext context)
    {
        var hospital = Known(request.HospitalId);
        return (await hospital.UpdateStatus(request.ToDomain())).ToWire();
    }

    public override async Task<HospitalView> GetHospital(GetHospitalRequest request, ServerCallContext context) =>
        (await Known(request.HospitalId).GetSnapshot()).ToWire();

    private IHospitalGrain Known(string id) =>
        grains.GetGrain<IHospitalGrain>(catalog.GetHospital(id.Required("hospital_id")).Id);
}
