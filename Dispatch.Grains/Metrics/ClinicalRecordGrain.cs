using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Metrics;
using Dispatch.Grains.Storage;

namespace Dispatch.Grains.Metrics;

/// <summary>Today's case outcomes for the region's metrics panel.</summary>
public sealed class ClinicalRecordGrain(
    [PersistentState("clinical-record", StorageNames.Dispatch)] IPersistentState<Dictionary<string, CaseOutcome>> state,
    TimeProvider time) : Grain, IClinicalRecordGrain
{
    public async Task Update(CaseOutcome outcome)
    {
        ClinicalDay.Keep(state.State, outcome, time.GetUtcNow());
        await state.WriteStateAsync();
    }

    public Task<ClinicalSummary> Today() => Task.FromResult(ClinicalDay.Summarise(state.State.Values, time.GetUtcNow()));
}
