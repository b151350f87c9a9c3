using Dispatch.Api.Mapping;
using Dispatch.Api.Security;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Domain = Dispatch.Contracts.Cases;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.EcgReadingService: the tele-ECG centre's worklist, readings and critical values.</summary>
[BindServiceMethod(typeof(EcgReadingService.EcgReadingServiceBase), nameof(EcgReadingService.EcgReadingServiceBase.BindValidated))]
public sealed class EcgReadingGrpcService(IGrainFactory grains, TimeProvider time) : EcgReadingService.EcgReadingServiceBase
{
    public override async Task<Worklist> GetWorklist(GetWorklistRequest request, ServerCallContext context)
    {
        var items = await grains.GetGrain<IEcgWorklistGrain>(IEcgWorklistGrain.RegionKey).List();
        var now = time.GetUtcNow();
        var worklist = new Worklist();
        worklist.Entries.AddRange(items.Select(i => i.ToWire(now)));
        return worklist;
    }

    public override async Task<FindingsHistory> GetFindings(GetFindingsRequest request, ServerCallContext context)
    {
        await VisibleCase.Find(grains, request.CaseId, context);
        var history = new FindingsHistory { CaseId = request.CaseId };
        history.Windows.AddRange((await grains.GetGrain<IEcgRecordingGrain>(request.CaseId).GetFindings()).Select(f => f.ToWire()));
        return history;
    }

    public override async Task<CaseView> RecordReading(RecordReadingRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context);
        var commandId = request.CommandId.Required("command_id");
        var confirmed = request.Result switch
        {
            ReadingResult.StemiConfirmed => true,
            ReadingResult.StemiRejected => false,
            _ => throw CommonMapping.Invalid($"result must be STEMI_CONFIRMED or STEMI_REJECTED, got {(int)request.Result}"),
        };
        if (request.ActivateTeam && !confirmed)
        {
            throw CommonMapping.Invalid("activate_team goes with a confirmed STEMI only");
        }

        var (caseGrain, before) = await VisibleCase.Find(grains, request.CaseId, context);
        var diagnosis = new Domain.Diagnosis(confirmed ? Domain.DiagnosisKind.ConfirmedStemi : Domain.DiagnosisKind.Other);
        var note = $"tele-ECG reading: STEMI {(confirmed ? "confirmed" : "rejected")}{(request.Note.Length > 0 ? ": " + request.Note : "")}";
        var after = await caseGrain.Record(new Domain.CaseCommand(commandId, Domain.Milestone.EcgRead, Diagnosis: diagnosis, Note: note,
            RecordedBy: caller.Subject));
        if (request.ActivateTeam)
        {
            var destination = after.DestinationHospitalId ?? before.DestinationHospitalId
                ?? throw new RuleException(RuleViolation.IllegalTransition, "the case has no destination whose cath lab could be activated");
            after = await caseGrain.Record(new Domain.CaseCommand($"{commandId}/activate", Domain.Milestone.TeamActivated, HospitalId: destination,
                Note: "cath lab activated on the tele-ECG reading", RecordedBy: caller.Subject));
        }

        return after.ToWireFor(caller);
    }

    public override async Task<CaseView> ReportCriticalValue(ReportCriticalValueRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context);
        var finding = request.Finding.Required("finding");
        var notified = request.Notified.Required("notified");
        var (caseGrain, _) = await VisibleCase.Find(grains, request.CaseId, context);
        var after = await caseGrain.Record(new Domain.CaseCommand(request.CommandId.Required("command_id"), Domain.Milestone.CriticalValueReported,
            Note: $"critical value: {finding}; notified: {notified}", RecordedBy: caller.Subject));
        return after.ToWireFor(caller);
    }
}
