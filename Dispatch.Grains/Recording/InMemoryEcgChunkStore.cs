using System.Collections.Concurrent;
using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>The embedded default: chunks live as long as the process, packed per case (<see cref="PackedRecording"/>) into one shared arena.</summary>
public sealed class InMemoryEcgChunkStore : IEcgChunkStore
{
    private readonly ConcurrentDictionary<string, PackedRecording> _recordings = new(StringComparer.Ordinal);
    private readonly EcgSampleArena _arena;

    public InMemoryEcgChunkStore()
        : this(new EcgSampleArena())
    {
    }

    internal InMemoryEcgChunkStore(EcgSampleArena arena) => _arena = arena;

    public Task Append(EcgChunkData chunk)
    {
        var recording = _recordings.GetOrAdd(chunk.CaseId, static (caseId, arena) => new PackedRecording(caseId, arena), _arena);
        lock (recording)
        {
            recording.Add(chunk);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EcgChunkData>> Read(string caseId)
    {
        if (!_recordings.TryGetValue(caseId, out var recording))
        {
            return Task.FromResult<IReadOnlyList<EcgChunkData>>([]);
        }

        lock (recording)
        {
            return Task.FromResult<IReadOnlyList<EcgChunkData>>(recording.Unpack());
        }
    }
}
