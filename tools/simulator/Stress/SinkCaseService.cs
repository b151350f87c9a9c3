using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// The bare floor for a call: the case service's contract with nothing behind it. Every call is
/// answered at once with the case it names (a new one for an open), so what a call costs here is
/// what gRPC alone costs on this machine under the same load.
/// </summary>
public sealed class SinkCaseService : CaseService.CaseServiceBase
{
    public override Task<CaseView> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        Task.FromResult(new CaseView { CaseId = $"sink-{request.CommandId}" });

    public override Task<CaseView> DispatchAmbulance(DispatchAmbulanceRequest request, ServerCallContext context) =>
        Task.FromResult(new CaseView { CaseId = request.CaseId });

    public override Task<CaseView> RecordMilestone(RecordMilestoneRequest request, ServerCallContext context) =>
        Task.FromResult(new CaseView { CaseId = request.CaseId });
}
