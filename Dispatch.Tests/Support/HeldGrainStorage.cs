using Orleans.Storage;

namespace Dispatch.Tests.Support;

/// <summary>
/// The test silo's grain storage with a hand on it: a test can hold one state's writes in the store,
/// as a slow disk or database would, to see who waits for them. Otherwise it is the store it wraps.
/// </summary>
public sealed class HeldGrainStorage(IGrainStorage store) : IGrainStorage
{
    // Whether a write of the named state waits, and for what (null: it goes straight to the store).
    private volatile Func<string, Task?>? _gate;

    /// <summary>Writes of this state wait until the returned hold is disposed.</summary>
    public StorageHold HoldWrites(string stateName)
    {
        var hold = new StorageHold(() => _gate = null);
        _gate = name => name == stateName ? hold.Wait() : null;
        return hold;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_gate?.Invoke(stateName) is { } held)
        {
            await held;
        }

        await store.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ClearStateAsync(stateName, grainId, grainState);
}
