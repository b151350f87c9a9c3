namespace Dispatch.Contracts.Alerts;

/// <summary>Something coordinators must see, e.g. a pre-alert nobody acknowledged.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseAlert")]
public sealed record CaseAlert(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? HospitalId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Message);
