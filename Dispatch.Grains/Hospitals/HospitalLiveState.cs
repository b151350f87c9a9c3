namespace Dispatch.Grains.Hospitals;

/// <summary>What changes about a hospital during the day; the fixed facts come from the region.</summary>
[GenerateSerializer, Alias("dispatch.HospitalLiveState")]
public sealed class HospitalLiveState
{
    [Id(0)] public int CathLabsBusy { get; set; }
    [Id(1)] public bool CtDown { get; set; }
    [Id(2)] public bool OnDiversion { get; set; }
    [Id(3)] public HashSet<string> IncomingCaseIds { get; set; } = [];
    [Id(4)] public DateTimeOffset? StatusUpdatedAt { get; set; }
}
