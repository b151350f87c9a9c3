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

    public Task ReevaluateDestinations()
    {
        foreach (var caseId in state.State)
        {
            // One-way: a slow case must not hold up the hospital's status report.
            _ = GrainFactory.GetGrain<ICaseGrain>(caseId).ReevaluateDestination();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> List() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Order(StringComparer.Ordinal)]);
}
