using Dispatch.Contracts.Grains;
using Dispatch.Grains.Storage;

namespace Dispatch.Grains.Cases;

/// <summary>The ids of the region's cases that are not closed.</summary>
public sealed class ActiveCasesGrain(
    [PersistentState("active-cases", StorageNames.Dispatch)] IPersistentState<HashSet<string>> state)
    : Grain, IActiveCasesGrain
{
    public async Task Add(string caseId)
    {
        if (state.State.Add(caseId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Remove(string caseId)
    {
        if (state.State.Remove(caseId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Order(StringComparer.Ordinal)]);
}
