namespace Dispatch.Contracts.Cases;

/// <summary>
/// One clinical interval of a case against its target. <see cref="Minutes"/> is null until
/// both ends have happened; <see cref="TargetMinutes"/> is null where no target applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseMetric")]
public sealed record CaseMetric(
    [property: Id(0)] string Name,
    [property: Id(1)] double? Minutes,
    [property: Id(2)] double? TargetMinutes)
{
    public bool? MetTarget => Minutes is { } m && TargetMinutes is { } t ? m <= t : null;
}
