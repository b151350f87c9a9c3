using System.Collections.Immutable;
using Dispatch.Contracts.Ecg;
using Dispatch.Contracts.Grains;
using Dispatch.Grains.Storage;

namespace Dispatch.Grains.Ecg;

/// <summary>
/// The tele-ECG centre's worklist. Cases push their entry when their ECG is transmitted, analysed,
/// read or routed, so a reader's list is one call. Read entries stay an hour for the record.
/// </summary>
public sealed class EcgWorklistGrain(
    [PersistentState("ecg-worklist", StorageNames.Dispatch)] IPersistentState<Dictionary<string, WorklistItem>> state,
    TimeProvider time) : Grain, IEcgWorklistGrain
{
    private static readonly TimeSpan KeepRead = TimeSpan.FromHours(1);

    public async Task Upsert(WorklistItem item)
    {
        // Each case reports every 10 s of ECG; only what a reader acts on (a new ECG, a flag, a
        // reading, a critical value, a new destination) is worth a write. The latest findings are
        // kept in memory and come back with the case's next window after a restart.
        var changed = !state.State.TryGetValue(item.CaseId, out var known) ||
            known with { LatestFindings = null } != item with { LatestFindings = null };
        state.State[item.CaseId] = item;
        Prune();
        if (changed)
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

    public Task<ImmutableArray<WorklistItem>> List()
    {
        Prune();
        return Task.FromResult<ImmutableArray<WorklistItem>>(
        [
            .. state.State.Values
                .OrderBy(i => i.Status == ReadingStatus.Waiting ? 0 : 1)
                .ThenBy(i => i.StemiFlagged ? 0 : 1)
                .ThenBy(i => i.DueAt)
                .ThenByDescending(i => i.ReadAt),
        ]);
    }

    private void Prune()
    {
        var before = time.GetUtcNow() - KeepRead;
        foreach (var old in state.State.Values.Where(i => i.Status != ReadingStatus.Waiting && i.ReadAt < before).ToList())
        {
            state.State.Remove(old.CaseId);
        }
    }
}
