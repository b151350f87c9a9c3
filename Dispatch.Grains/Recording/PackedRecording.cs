using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>
/// One case's ECG as the embedded store keeps it: the chunks' headers in one list and their samples
/// end to end in the store's <see cref="EcgSampleArena"/>. Kept as received (fourteen objects a
/// chunk), every chunk was copied from generation to generation by the GC, a cost that grew with
/// every minute of ECG held; the arena's blocks are never moved or copied.
/// </summary>
internal sealed class PackedRecording(string caseId, EcgSampleArena arena)
{
    private readonly List<PackedChunkHeader> _headers = [];

    /// <summary>Packs a chunk whose leads all hold the same number of samples (<see cref="EcgChunkRules"/>).</summary>
    public void Add(EcgChunkData chunk)
    {
        var perLead = chunk.SamplesPerLead;
        var (block, offset) = arena.Take(perLead * chunk.Leads.Length);
        var at = offset;
        foreach (var lead in chunk.Leads)
        {
            lead.CopyTo(block, at);
            at += lead.Length;
        }

        _headers.Add(new PackedChunkHeader(chunk.Sequence, chunk.SampleRateHz, chunk.MicrovoltsPerUnit, chunk.StartedAt, block, offset, perLead));
    }

    public List<EcgChunkData> Unpack() => [.. _headers.Select(Unpack)];

    private EcgChunkData Unpack(PackedChunkHeader header)
    {
        var leads = new short[EcgChunkData.LeadCount][];
        for (var lead = 0; lead < leads.Length; lead++)
        {
            leads[lead] = header.Block.AsSpan(header.Offset + lead * header.SamplesPerLead, header.SamplesPerLead).ToArray();
        }

        return new EcgChunkData(caseId, header.Sequence, header.SampleRateHz, header.MicrovoltsPerUnit, header.StartedAt, [.. leads]);
    }
}
