namespace Dispatch.Contracts.Cases;

/// <summary>
/// A request to record a milestone. <see cref="CommandId"/> makes it idempotent: sending the
/// same command again changes nothing. <see cref="At"/> is when it happened if the sender knows
/// (a crew's device clock); otherwise the engine's clock is used.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseCommand")]
public sealed record CaseCommand(
    [property: Id(0)] string CommandId,
    [property: Id(1)] Milestone Milestone,
    [property: Id(2)] DateTimeOffset? At = null,
    [property: Id(3)] string? HospitalId = null,
    [property: Id(4)] string? AmbulanceId = null,
    [property: Id(5)] Diagnosis? Diagnosis = null,
    [property: Id(6)] string? Note = null,
    [property: Id(7)] string? RecordedBy = null);
