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
        var command = request.ToDomain(rules) with { RecordedBy = Caller.Of(context).Subject };
        MilestoneRights.Ensure(Caller.Of(context), command);
        var caseGrain = await Visible(request.CaseId, context);
        return (await caseGrain.Record(command)).ToWireFor(Caller.Of(context));
    }

    public override async Task<CaseView> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var caseGrain = await Visible(request.CaseId, context);
        return (await caseGrain.GetSnapshot())!.ToWireFor(Caller.Of(context));
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

    /// <summary>The case, if it exists and the caller may see it (crews: their own; hospitals: patients heading to them).</summary>
    private async Task<ICaseGrain> Visible(string caseId, ServerCallContext context)
    {
        var grain = grains.GetGrain<ICaseGrain>(caseId.Required("case_id"));
        var snapshot = await grain.GetSnapshot() ?? throw new RuleException(RuleViolation.NotFound, $"unknown case '{caseId}'");
        Caller.Of(context).EnsureCanSee(snapshot);
        return grain;
    }
}
