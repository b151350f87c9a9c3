using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Grains;

namespace Dispatch.Grains.Hospitals;

/// <summary>What changes about a hospital during the day; the fixed facts come from the region.</summary>
[GenerateSerializer, Alias("dispatch.HospitalLiveState")]
public sealed class HospitalLiveState
{
    [Id(0)] public int CathLabsBusy { get; set; }
    [Id(1)] public bool CtDown { get; set; }
    [Id(2)] public bool OnDiversion { get; set; }
    /// <summary>Patients on the way, with the latest pre-alert sent for each.</summary>
    [Id(3)] public Dictionary<string, PreAlert> Incoming { get; set; } = [];
    [Id(4)] public DateTimeOffset? StatusUpdatedAt { get; set; }

    /// <summary>
    /// The centres' streams registered when this was last written: an activation that replaces one
    /// (its silo died, or it was moved because its directory entry died with another silo) starts
    /// telling them at once instead of after their next renewal.
    /// </summary>
    [Id(5)] public List<IHospitalObserver> Centres { get; set; } = [];
}
