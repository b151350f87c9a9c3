using Dispatch.Api.Mapping;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Api.Security;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.CaseService: a thin adapter over the case grains.</summary>
[BindServiceMethod(typeof(CaseService.CaseServiceBase), nameof(CaseService.CaseServiceBase.BindValidated))]
public sealed class CaseGrpcService(IGrainFactory grains, InputRules rules) : CaseService.CaseServiceBase
{
    public override async Task<CaseView> OpenCase(OpenCaseRequest request, ServerCallContext context)
    {
        var open = request.ToDomain(rules);
        var caller = Caller.Of(context);
        if (caller.Is(DispatchRoles.Hospital) && open.PresentingHospitalId != caller.HospitalId)
        {
            throw Caller.Denied("a hospital opens cases only for patients presenting at itself");
        }

        var snapshot = await grains.GetGrain<ICaseGrain>(CaseIds.FromCommandId(open.CommandId)).Open(open);
        return snapshot.ToWire();
    }

    public override async Task<CaseView> RecordMilestone(RecordMilestoneRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context);
        var command = request.ToDomain(rules) with { RecordedBy = caller.Subject };
        MilestoneRights.Ensure(caller, command);
        var (caseGrain, _) = await VisibleCase.Find(grains, request.CaseId, context);
        return (await caseGrain.Record(command)).ToWireFor(caller);
    }

    public override async Task<CaseView> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var (_, snapshot) = await VisibleCase.Find(grains, request.CaseId, context);
        return snapshot.ToWireFor(Caller.Of(context));
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
