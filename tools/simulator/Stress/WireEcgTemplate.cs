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
    private readonly EcgChunkData[] _chunks;
    private readonly EcgLeadSamples[][] _leads;

    public WireEcgTemplate(IReadOnlyList<EcgChunkData> chunks)
    {
        _chunks = [.. chunks];
        _leads = [.. _chunks.Select(c => c.ToWire().Leads.ToArray())];
    }

    public int Count => _chunks.Length;

    /// <summary>Signal time a chunk covers (all the template's chunks are equally long).</summary>
    public TimeSpan ChunkDuration => TimeSpan.FromSeconds(_chunks[0].SamplesPerLead / (double)_chunks[0].SampleRateHz);

    /// <summary>The template's <paramref name="index"/>th chunk (wrapping round) as sent for a case, byte for byte what <see cref="EcgMapping.ToWire(EcgChunkData)"/> makes of it.</summary>
    public EcgChunk Chunk(long index, string caseId, ulong sequence, DateTimeOffset startedAt)
    {
        var i = (int)(index % _chunks.Length);
        var source = _chunks[i];
        var chunk = new EcgChunk
        {
            CaseId = caseId, Sequence = sequence, SampleRateHz = (uint)source.SampleRateHz, MicrovoltsPerUnit = source.MicrovoltsPerUnit,
            StartedAt = startedAt.ToWire(),
        };
        chunk.Leads.AddRange(_leads[i]);
        return chunk;
    }
}
