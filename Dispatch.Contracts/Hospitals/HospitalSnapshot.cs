using System.Collections.Immutable;

namespace Dispatch.Contracts.Hospitals;

/// <summary>A hospital's fixed facts, its live status and the patients on their way to it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.HospitalSnapshot")]
public sealed record HospitalSnapshot(
    [property: Id(0)] HospitalProfile Profile,
    [property: Id(1)] int CathLabsBusy,
    [property: Id(2)] bool CtAvailable,
    [property: Id(3)] bool OnDiversion,
    [property: Id(4)] ImmutableArray<string> IncomingCaseIds,
    [property: Id(5)] DateTimeOffset? StatusUpdatedAt)
{
    public bool AllCathLabsBusy => CathLabsBusy >= Profile.CathLabs;
}
