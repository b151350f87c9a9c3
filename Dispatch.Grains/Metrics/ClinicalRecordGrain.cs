using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Metrics;
using Dispatch.Grains.Storage;

namespace Dispatch.Grains.Metrics;

/// <summary>
/// Today's case outcomes for the region's metrics panel. Every case reports here when it opens and
/// closes, so an update only changes memory: the day's record (thousands of outcomes by evening) is
/// written at most once a <see cref="SaveInterval"/> and when the grain deactivates. Written on every
/// update, each case's open and close waited for the whole day to be serialised, longer with every case.
/// A silo lost between two saves loses at most that second of the panel's figures; the cases' own
/// timelines, the record of what happened, are written before every call returns.
/// </summary>
public sealed class ClinicalRecordGrain(
    [PersistentState("clinical-record", StorageNames.Dispatch)] IPersistentState<Dictionary<string, CaseOutcome>> state,
    TimeProvider time) : Grain, IClinicalRecordGrain
{
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private IGrainTimer? _saving;
    private bool _unsaved;
    private DateTimeOffset _day;

    public Task Update(CaseOutcome outcome)
    {
        var now = time.GetUtcNow();
        if (ClinicalDay.StartOf(now) is var today && today != _day)
        {
            // The first update of an activation or of a new day: earlier days' cases go, once.
            ClinicalDay.Prune(state.State, now);
            _day = today;
        }

        ClinicalDay.Keep(state.State, outcome, now);
        _unsaved = true;
        _saving ??= this.RegisterGrainTimer(_ => Save(), SaveInterval, SaveInterval);
        return Task.CompletedTask;
    }

    public Task<ClinicalSummary> Today() => Task.FromResult(ClinicalDay.Summarise(state.State.Values, time.GetUtcNow()));

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Save();

    private async Task Save()
    {
        if (!_unsaved)
        {
            return;
        }

        _unsaved = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Tried again at the next tick.
            _unsaved = true;
            throw;
        }
    }
}
