namespace Dispatch.Grains.Audit;

/// <summary>
/// One line of the audit trail: who did what to which case or resource, when, and how it ended.
/// Holds ids only, never patient details: the case id leads to the case for those allowed to see it.
/// </summary>
/// <param name="Who">The token's subject, "anonymous", or "engine" for the engine's own decisions.</param>
/// <param name="Role">The token's role, or "engine".</param>
/// <param name="Action">The API method ("CaseService/GetCase"), or a decision ("destination decision").</param>
/// <param name="CaseId">The case concerned, if any.</param>
/// <param name="Target">The hospital or ambulance concerned, if any.</param>
/// <param name="Outcome">The gRPC status of a call, or what a decision chose.</param>
/// <param name="Detail">Why: a decision's reason, a refusal's message.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Who,
    string Role,
    string Action,
    string? CaseId,
    string? Target,
    string Outcome,
    string? Detail = null);
