namespace Dispatch.Contracts.Cases;

/// <summary>One milestone as it was recorded, with the command that recorded it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] Milestone Milestone,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string CommandId,
    [property: Id(3)] string? HospitalId = null,
    [property: Id(4)] string? AmbulanceId = null,
    [property: Id(5)] Diagnosis? Diagnosis = null,
    [property: Id(6)] string? Note = null,
    [property: Id(7)] string? RecordedBy = null);
