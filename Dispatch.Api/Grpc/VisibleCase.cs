using Dispatch.Api.Mapping;
using Dispatch.Api.Security;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>A case named in a request, once it is known to exist and the caller may see it.</summary>
public static class VisibleCase
{
    /// <summary>The case's grain and current snapshot; NotFound for an unknown case, PermissionDenied for one the caller may not see.</summary>
    public static async Task<(ICaseGrain Grain, CaseSnapshot Snapshot)> Find(IGrainFactory grains, string caseId, ServerCallContext context)
    {
        var grain = grains.GetGrain<ICaseGrain>(caseId.Required("case_id"));
        var snapshot = await grain.GetSnapshot() ?? throw new RuleException(RuleViolation.NotFound, $"unknown case '{caseId}'");
        Caller.Of(context).EnsureCanSee(snapshot);
        return (grain, snapshot);
    }
}
