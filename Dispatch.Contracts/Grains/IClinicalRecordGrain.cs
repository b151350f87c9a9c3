using Orleans.Concurrency;
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

    /// <summary>
    /// One-way: a case never waits for the region's figures. The record writes the whole day once a
    /// second (1-10 ms for a stress level's few hundred cases, more as a day fills), and a case that
    /// reported during the write waited for it. The outcome's revision keeps reports in their order.
    /// </summary>
    [Alias("Update"), OneWay]
    Task Update(CaseOutcome outcome);

    [Alias("Today")]
    Task<ClinicalSummary> Today();
}
