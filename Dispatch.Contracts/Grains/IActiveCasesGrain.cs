namespace Dispatch.Contracts.Grains;

/// <summary>
/// The index of cases that are not closed, one per region (key "region"). Touched only when a
/// case opens or closes, never on the per-second paths.
/// </summary>
[Alias("dispatch.IActiveCasesGrain")]
public interface IActiveCasesGrain : IGrainWithStringKey
{
    /// <summary>The key of the single index while the engine serves one region.</summary>
    const string RegionKey = "region";

    [Alias("Add")]
    Task Add(string caseId);

    [Alias("Remove")]
    Task Remove(string caseId);

    /// <summary>Asks every active case on the road to choose its destination again (a hospital's status changed).</summary>
    [Alias("ReevaluateDestinations")]
    Task ReevaluateDestinations();

    [Alias("List")]
    Task<IReadOnlyList<string>> List();
}
