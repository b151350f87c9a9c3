namespace Dispatch.Contracts.Hospitals;

/// <summary>A receiving centre's report of its live status; unset fields stay as they are.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.HospitalStatusUpdate")]
public sealed record HospitalStatusUpdate(
    [property: Id(0)] int? CathLabsBusy = null,
    [property: Id(1)] bool? CtAvailable = null,
    [property: Id(2)] bool? OnDiversion = null);
