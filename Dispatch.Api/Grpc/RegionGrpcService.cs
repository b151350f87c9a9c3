using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Api.Security;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.RegionService: the region's hospitals and ambulances with live state.</summary>
[BindServiceMethod(typeof(RegionService.RegionServiceBase), nameof(RegionService.RegionServiceBase.BindValidated))]
public sealed class RegionGrpcService(IGrainFactory grains, RegionCatalog catalog) : RegionService.RegionServiceBase
{
    public override Task<RegionSummary> GetRegion(GetRegionRequest request, ServerCallContext context) =>
        Task.FromResult(new RegionSummary
        {
            Name = catalog.Region.Name,
            Hospitals = catalog.Hospitals.Count,
            Stations = catalog.Stations.Count,
            Ambulances = catalog.AmbulanceIds.Count,
            RoadSegments = catalog.Region.Roads.Count,
        });

    public override async Task<ListHospitalsResponse> ListHospitals(ListHospitalsRequest request, ServerCallContext context)
    {
        var snapshots = await Task.WhenAll(catalog.Region.Hospitals
            .Select(h => grains.GetGrain<IHospitalGrain>(h.Id).GetSnapshot()));
        var response = new ListHospitalsResponse();
        var caller = Caller.Of(context);
        response.Hospitals.AddRange(snapshots.Select(s => s.ToWireFor(caller)));
        return response;
    }

    public override async Task<ListAmbulancesResponse> ListAmbulances(ListAmbulancesRequest request, ServerCallContext context)
    {
        var snapshots = await Task.WhenAll(catalog.AmbulanceIds
            .Select(id => grains.GetGrain<IAmbulanceGrain>(id).GetSnapshot()));
        var response = new ListAmbulancesResponse();
        response.Ambulances.AddRange(snapshots.Select(s => s.ToWire()));
        return response;
    }

    public override Task<RoadMap> GetRoadMap(GetRoadMapRequest request, ServerCallContext context) =>
        Task.FromResult(catalog.ToRoadMap());
}
