using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Dispatch.Grains.Storage;

/// <summary>
/// Grain state kept in this process, for the embedded engine's single silo: serialised on every
/// write (a grain's later changes never reach the stored copy) and versioned by ETag as any store is.
/// </summary>
/// <remarks>
/// Orleans' own memory storage keeps state in storage grains, so that silos of one test cluster
/// share it. A single silo gains nothing from that and pays for it: every write is a call to one of
/// ten storage grains, queued behind every other grain's writes, and a grain saving as it deactivates
/// at shutdown finds the storage grains already gone. Here a write is a dictionary update.
/// </remarks>
public sealed class InProcessGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId Grain), StoredState> _states = new();
    private long _lastVersion;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var written = new StoredState(serializer.Serialize(grainState.State), NextETag());
        Replace((stateName, grainId), grainState.ETag, written);
        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Replace((stateName, grainId), grainState.ETag, replacement: null);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Swaps the stored state only if the grain last saw the version stored now: two activations never overwrite each other unseen.</summary>
    private void Replace((string, GrainId) key, string? expectedETag, StoredState? replacement)
    {
        while (true)
        {
            var exists = _states.TryGetValue(key, out var current);
            if (current?.ETag != expectedETag)
            {
                throw new InconsistentStateException($"state {key} was written by someone else since it was read", current?.ETag, expectedETag);
            }

            var swapped = (exists, replacement) switch
            {
                (false, null) => true,
                (false, { } added) => _states.TryAdd(key, added),
                (true, null) => _states.TryRemove(new KeyValuePair<(string, GrainId), StoredState>(key, current!)),
                (true, { } changed) => _states.TryUpdate(key, changed, current!),
            };
            if (swapped)
            {
                return;
            }
        }
    }

    private string NextETag() => Interlocked.Increment(ref _lastVersion).ToString(CultureInfo.InvariantCulture);

    private sealed record StoredState(BinaryData Data, string ETag);
}
