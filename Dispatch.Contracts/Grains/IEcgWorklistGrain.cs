using System.Collections.Immutable;
using Dispatch.Contracts.Ecg;

namespace Dispatch.Contracts.Grains;

/// <summary>The region's tele-ECG worklist (one grain per region): cases report their ECG to it, readers list it.</summary>
[Alias("dispatch.IEcgWorklistGrain")]
public interface IEcgWorklistGrain : IGrainWithStringKey
{
    const string RegionKey = "region";

    [Alias("Upsert")]
    Task Upsert(WorklistItem item);

    [Alias("Remove")]
    Task Remove(string caseId);

    /// <summary>Waiting ECGs first (flagged STEMI first, then by due time), then those read in the last hour.</summary>
    [Alias("List")]
    Task<ImmutableArray<WorklistItem>> List();
}
