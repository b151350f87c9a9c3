using System.Collections.Concurrent;
using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>The embedded default: chunks live as long as the process.</summary>
public sealed class InMemoryEcgChunkStore : IEcgChunkStore
{
    private readonly ConcurrentDictionary<string, List<EcgChunkData>> _recordings = new(StringComparer.Ordinal);

    public Task Append(EcgChunkData chunk)
    {
        var chunks = _recordings.GetOrAdd(chunk.CaseId, _ => []);
        lock (chunks)
        {
            chunks.Add(chunk);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EcgChunkData>> Read(string caseId)
    {
        if (!_recordings.TryGetValue(caseId, out var chunks))
        {
            return Task.FromResult<IReadOnlyList<EcgChunkData>>([]);
        }

        lock (chunks)
        {
            return Task.FromResult<IReadOnlyList<EcgChunkData>>([.. chunks]);
        }
    }

    public Task<long> LastSequence(string caseId)
    {
        if (!_recordings.TryGetValue(caseId, out var chunks))
        {
            return Task.FromResult(0L);
        }

        lock (chunks)
        {
            return Task.FromResult(chunks.Count == 0 ? 0 : chunks[^1].Sequence);
        }
    }
}
