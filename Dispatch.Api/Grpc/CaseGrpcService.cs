using Dispatch.Api.Mapping;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.CaseService: a thin adapter over the case grains.</summary>
public sealed class CaseGrpcService(IGrainFactory grains) : CaseService.CaseServiceBase
{
    public override async Task<CaseView> OpenCase(OpenCaseRequest request, ServerCallContext context)
    {
        var open = request.ToDomain();
        var snapshot = await grains.GetGrain<ICaseGrain>(CaseIds.FromCommandId(open.CommandId)).Open(open);
        return snapshot.ToWire();
    }

    public override async Task<CaseView> RecordMilestone(RecordMilestoneRequest request, ServerCallContext context)
    {
        var caseGrain = grains.GetGrain<ICaseGrain>(request.CaseId.Required("case_id"));
        return (await caseGrain.Record(request.ToDomain())).ToWire();
    }

    public override async Task<CaseView> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var snapshot = await grains.GetGrain<ICaseGrain>(request.CaseId.Required("case_id")).GetSnapshot();
        return snapshot?.ToWire() ?? throw new RuleException(RuleViolation.NotFound, $"unknown case '{request.CaseId}'");
    }

    public override async Task<CaseView> DispatchAmbulance(DispatchAmbulanceRequest request, ServerCallContext context) =>
        (await grains.GetGrain<ICaseGrain>(request.CaseId.Required("case_id"))
            .DispatchNearestAmbulance(request.CommandId.Required("command_id"))).ToWire();

    public override async Task<CaseView> ChooseDestination(ChooseDestinationRequest request, ServerCallContext context) =>
        (await grains.GetGrain<ICaseGrain>(request.CaseId.Required("case_id"))
            .ChooseDestination(request.CommandId.Required("command_id"))).ToWire();

    public override async Task<ListActiveCasesResponse> ListActiveCases(ListActiveCasesRequest request, ServerCallContext context)
    {
        var ids = await grains.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).List();
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICaseGrain>(id).GetSnapshot()));
        var response = new ListActiveCasesResponse();
        response.Cases.AddRange(snapshots.OfType<Contracts.Cases.CaseSnapshot>().Select(s => s.ToWire()));
        return response;
    }
}
