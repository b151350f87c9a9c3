using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.RoutingService: coverage, circles, travel times and road conditions.</summary>
[BindServiceMethod(typeof(RoutingService.RoutingServiceBase), nameof(RoutingService.RoutingServiceBase.BindValidated))]
public sealed class RoutingGrpcService(IGrainFactory grains, RegionCatalog catalog, InputRules rules) : RoutingService.RoutingServiceBase
{
    private IRoutingGrain Routing => grains.GetGrain<IRoutingGrain>(0);

    private IRoadConditionsGrain Conditions => grains.GetGrain<IRoadConditionsGrain>(IRoadConditionsGrain.RegionKey);

    public override async Task<CoverageReport> GetCoverage(GetCoverageRequest request, ServerCallContext context) =>
        (await Routing.Coverage()).ToWire();

    public override async Task<GetIsochronesResponse> GetIsochrones(GetIsochronesRequest request, ServerCallContext context)
    {
        var isochrones = await Routing.Isochrones(request.Capability.ToDomain());
        var response = new GetIsochronesResponse();
        response.Isochrones.AddRange(isochrones.Select(i => i.ToWire()));
        return response;
    }

    public override async Task<GetCentresCoveringResponse> GetCentresCovering(GetCentresCoveringRequest request, ServerCallContext context)
    {
        var place = rules.Position(request.Place, "place");
        var centres = await Routing.CentresCovering(place, request.Capability.ToDomain());
        var response = new GetCentresCoveringResponse();
        response.Centres.AddRange(centres.Select(c => new CentreReach { HospitalId = c.HospitalId, Minutes = c.Minutes }));
        return response;
    }

    public override async Task<TravelTime> GetTravelTime(GetTravelTimeRequest request, ServerCallContext context)
    {
        var from = rules.Position(request.From, "from");
        var hospital = catalog.GetHospital(request.HospitalId.Required("hospital_id"));
        var minutes = await Routing.MinutesToHospital(from, hospital.Id);
        var travel = new TravelTime();
        if (minutes is { } m)
        {
            travel.Minutes = m;
        }

        return travel;
    }

    public override async Task<RoadConditionList> SetRoadCondition(RoadCondition request, ServerCallContext context)
    {
        await Conditions.Set(request.ToDomain(rules));
        return (await Conditions.Get()).ToWire();
    }

    public override async Task<RoadConditionList> ClearRoadCondition(ClearRoadConditionRequest request, ServerCallContext context)
    {
        await Conditions.Clear(request.Id.Required("id"));
        return (await Conditions.Get()).ToWire();
    }

    public override async Task<RoadConditionList> ListRoadConditions(ListRoadConditionsRequest request, ServerCallContext context) =>
        (await Conditions.Get()).ToWire();
}
