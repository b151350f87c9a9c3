using Dispatch.Api.Mapping;
using Dispatch.Ecg.Synthesis;
using Dispatch.Simulator.Stress;
using Google.Protobuf;

namespace Dispatch.Tests.Drills;

/// <summary>Stress mode's crews send their ECG from leads built once: the engine must receive exactly what a chunk built afresh would be.</summary>
public sealed class WireEcgTemplateTests
{
    private static readonly List<Contracts.Recording.EcgChunkData> Recorded =
        [.. SyntheticEcg.Chunks(SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Stemi, Seed: 7), 2), "template", DateTimeOffset.UnixEpoch)];

    [Fact]
    public void Chunk_IsByteForByteTheChunkMappedAfresh_ForEachCaseAndSequence()
    {
        var template = new WireEcgTemplate(Recorded);
        var at = new DateTimeOffset(2026, 12, 2, 7, 30, 0, TimeSpan.Zero);

        for (var sent = 0; sent < Recorded.Count + 3; sent++)
        {
            var source = Recorded[sent % Recorded.Count];
            var expected = (source with { CaseId = $"case-{sent % 2}", Sequence = sent + 1, StartedAt = at.AddSeconds(sent) }).ToWire();

            var chunk = template.Chunk(sent, $"case-{sent % 2}", (ulong)sent + 1, at.AddSeconds(sent));

            Assert.Equal(expected.ToByteArray(), chunk.ToByteArray());
        }
    }

    [Fact]
    public void ChunksSharingLeads_StayIndependentInWhatTheyName()
    {
        var template = new WireEcgTemplate(Recorded);
        var at = DateTimeOffset.UnixEpoch;

        var first = template.Chunk(0, "case-a", 1, at);
        var again = template.Chunk(Recorded.Count, "case-b", 9, at.AddSeconds(2));

        Assert.Equal(("case-a", 1ul), (first.CaseId, first.Sequence));
        Assert.Equal(("case-b", 9ul), (again.CaseId, again.Sequence));
        Assert.Equal(first.Leads, again.Leads);
        Assert.Equal(TimeSpan.FromMilliseconds(250), template.ChunkDuration);
    }
}
