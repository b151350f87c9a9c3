using Dispatch.Contracts.Cases;

namespace Dispatch.Contracts.Grains;

/// <summary>One emergency, keyed by case id. Owns the timeline; every change is persisted before it returns.</summary>
[Alias("dispatch.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<CaseSnapshot> Open(OpenCaseRequest request);

    [Alias("Record")]
    Task<CaseSnapshot> Record(CaseCommand command);

    /// <summary>The case, or null when no case has this id.</summary>
    [Alias("GetSnapshot")]
    Task<CaseSnapshot?> GetSnapshot();
}
