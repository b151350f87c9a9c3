using Dispatch.Grains.Audit;

namespace Dispatch.Api.Security;

/// <summary>Records patient data a stream delivered to a caller: a pre-alert to a centre, an assignment to a crew, a snapshot to a coordinator.</summary>
public sealed class DeliveryAudit(IAuditTrail audit, TimeProvider time)
{
    public void Delivered(Caller caller, string action, string? caseId, string? target, string? detail = null) =>
        audit.Record(new AuditEntry(time.GetUtcNow(), caller.Subject, caller.Role, action, caseId, target, "delivered", detail));
}
