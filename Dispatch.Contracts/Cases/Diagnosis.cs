namespace Dispatch.Contracts.Cases;

/// <summary>
/// A working diagnosis. For stroke it carries the prehospital LVO scale and the last-known-well
/// time, which decide between thrombolysis and thrombectomy centres.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.Diagnosis")]
public sealed record Diagnosis(
    [property: Id(0)] DiagnosisKind Kind,
    [property: Id(1)] string? LvoScale = null,
    [property: Id(2)] int? LvoScore = null,
    [property: Id(3)] DateTimeOffset? LastKnownWell = null);
