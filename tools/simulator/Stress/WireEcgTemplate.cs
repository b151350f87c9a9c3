using Dispatch.Api.Mapping;
using Dispatch.Contracts.Recording;
using Dispatch.Contracts.V1;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// A recorded ECG in wire form, its leads built once and shared by every chunk sent from it.
/// A real monitor encodes its samples in its own memory; the load generator shares the engine's
/// heap, and building 12 leads for each of 2,000 chunks a second was a fifth of that heap's garbage,
/// and so of the collections the timed calls met. Protobuf only reads a message it serializes, so
/// many chunks in flight may hold the same lead messages.
/// </summary>
public sealed class WireEcgTemplate
{
    /// <summary>Each chunk mapped by <see cref="EcgMapping.ToWire(EcgChunkData)"/>: its header without leads, and its leads.</summary>
    private readonly (EcgChunk Header, EcgLeadSamples[] Leads)[] _chunks;

    public WireEcgTemplate(IReadOnlyList<EcgChunkData> chunks)
    {
        _chunks = [.. chunks.Select(Split)];
        // All the template's chunks are equally long.
        ChunkDuration = TimeSpan.FromSeconds(chunks[0].SamplesPerLead / (double)chunks[0].SampleRateHz);
    }

    /// <summary>Signal time a chunk covers.</summary>
    public TimeSpan ChunkDuration { get; }

    /// <summary>The template's <paramref name="index"/>th chunk (wrapping round) as sent for a case, byte for byte what <see cref="EcgMapping.ToWire(EcgChunkData)"/> makes of it.</summary>
    public EcgChunk Chunk(long index, string caseId, ulong sequence, DateTimeOffset startedAt)
    {
        var (header, leads) = _chunks[index % _chunks.Length];
        var chunk = header.Clone();
        (chunk.CaseId, chunk.Sequence, chunk.StartedAt) = (caseId, sequence, startedAt.ToWire());
        chunk.Leads.AddRange(leads);
        return chunk;
    }

    /// <summary>One <see cref="EcgMapping.ToWire(EcgChunkData)"/> a chunk: its leads, and what is left of it as the header.</summary>
    private static (EcgChunk Header, EcgLeadSamples[] Leads) Split(EcgChunkData chunk)
    {
        var wire = chunk.ToWire();
        var leads = wire.Leads.ToArray();
        wire.Leads.Clear();
        return (wire, leads);
    }
}
