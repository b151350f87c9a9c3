using Dispatch.Contracts.Recording;
using Dispatch.Grains.Recording;

namespace Dispatch.Tests.Grains;

/// <summary>The embedded store packs samples into blocks shared by every case; a clinician must read back exactly what the monitor sent.</summary>
public sealed class InMemoryEcgChunkStoreTests
{
    [Fact]
    public async Task ReadsBackEveryChunkAsSent_AcrossBlocks_AndKeepsCasesApart()
    {
        // Blocks of 8 K samples: 125 samples a lead is the usual 250 ms (1,500 a chunk); 1,000 (2 s at
        // 500 Hz) is 12,000, more than a block on its own.
        var store = new InMemoryEcgChunkStore(new EcgSampleArena(blockSamples: 8192));
        var random = new Random(11);
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        int[] sizes = [125, 125, 1000, 125, 60, 1000, 1000, 125, 500, 125, 1000, 1000, 1000, 1000, 1000, 1000];
        var sent = sizes.Select((size, i) => Chunk("case-a", i + 1, size, start.AddSeconds(i), random)).ToList();
        var other = Chunk("case-b", 1, 125, start, random);

        // The other case's chunk lands between case A's, in the same blocks.
        for (var i = 0; i < sent.Count; i++)
        {
            await store.Append(sent[i]);
            if (i == 1)
            {
                await store.Append(other);
            }
        }

        var read = await store.Read("case-a");
        Assert.Equal(sent.Count, read.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal((sent[i].CaseId, sent[i].Sequence, sent[i].SampleRateHz, sent[i].MicrovoltsPerUnit, sent[i].StartedAt),
                (read[i].CaseId, read[i].Sequence, read[i].SampleRateHz, read[i].MicrovoltsPerUnit, read[i].StartedAt));
            for (var lead = 0; lead < EcgChunkData.LeadCount; lead++)
            {
                Assert.Equal(sent[i].Leads[lead], read[i].Leads[lead]);
            }
        }

        Assert.Equal(other.Leads[7], Assert.Single(await store.Read("case-b")).Leads[7]);
        Assert.Empty(await store.Read("case-c"));
    }

    private static EcgChunkData Chunk(string caseId, long sequence, int samplesPerLead, DateTimeOffset startedAt, Random random) =>
        new(caseId, sequence, 500, 4.88, startedAt,
            [.. Enumerable.Range(0, EcgChunkData.LeadCount).Select(_ => Enumerable.Range(0, samplesPerLead).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray())]);
}
