using Dispatch.Contracts.Metrics;

namespace Dispatch.Contracts.Grains;

/// <summary>
/// Today's cases and their clinical intervals, one grain per region (key "region"). Cases report
/// when they open and when a milestone ends an interval, never on the per-second paths.
/// </summary>
[Alias("dispatch.IClinicalRecordGrain")]
public interface IClinicalRecordGrain : IGrainWithStringKey
{
    const string RegionKey = "region";

    [Alias("Update")]
    Task Update(CaseOutcome outcome);

    [Alias("Today")]
    Task<ClinicalSummary> Today();
}
