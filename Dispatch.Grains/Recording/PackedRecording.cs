using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>
/// One case's ECG as the embedded store keeps it: the chunks' headers in one list and their samples
/// end to end in a few large blocks. Kept as received (fourteen objects a chunk), every chunk was
/// copied from generation to generation by the GC, a cost that grew with every minute of ECG
/// held; the blocks sit in the pinned-object heap, which the GC does not copy (the large-object heap
/// would take only blocks of 85 KB and more, and a case's first blocks are smaller).
/// </summary>
internal sealed class PackedRecording(string caseId)
{
    private const int FirstBlockSamples = 1 << 13;
    private const int LargestBlockSamples = 1 << 16;

    private readonly List<short[]> _blocks = [];
    private readonly List<PackedChunkHeader> _headers = [];
    private int _used;

    public long LastSequence => _headers.Count == 0 ? 0 : _headers[^1].Sequence;

    /// <summary>Packs a chunk whose leads all hold the same number of samples (<see cref="EcgChunkRules"/>).</summary>
    public void Add(EcgChunkData chunk)
    {
        var perLead = chunk.SamplesPerLead;
        var total = perLead * chunk.Leads.Length;
        if (_blocks.Count == 0 || _used + total > _blocks[^1].Length)
        {
            // Small recordings stay small; long ones move on to blocks the GC leaves where they are.
            var size = _blocks.Count == 0 ? FirstBlockSamples : Math.Min(LargestBlockSamples, _blocks[^1].Length * 2);
            _blocks.Add(GC.AllocateUninitializedArray<short>(Math.Max(size, total), pinned: true));
            _used = 0;
        }

        var block = _blocks[^1];
        var offset = _used;
        foreach (var lead in chunk.Leads)
        {
            lead.CopyTo(block, _used);
            _used += lead.Length;
        }

        _headers.Add(new PackedChunkHeader(chunk.Sequence, chunk.SampleRateHz, chunk.MicrovoltsPerUnit, chunk.StartedAt, _blocks.Count - 1, offset, perLead));
    }

    public List<EcgChunkData> Unpack() => [.. _headers.Select(Unpack)];

    private EcgChunkData Unpack(PackedChunkHeader header)
    {
        var block = _blocks[header.Block];
        var leads = new short[EcgChunkData.LeadCount][];
        for (var lead = 0; lead < leads.Length; lead++)
        {
            leads[lead] = block.AsSpan(header.Offset + lead * header.SamplesPerLead, header.SamplesPerLead).ToArray();
        }

        return new EcgChunkData(caseId, header.Sequence, header.SampleRateHz, header.MicrovoltsPerUnit, header.StartedAt, [.. leads]);
    }
}
