using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Tests.Support;

/// <summary>Deterministic 12-lead chunks (500 Hz, 125 samples per lead) whose every sample a test can recompute.</summary>
internal static class SyntheticEcgChunks
{
    public const int SamplesPerChunk = 125;

    public static EcgChunk Chunk(string caseId, ulong sequence, DateTimeOffset startedAt, int leads = 12)
    {
        var chunk = new EcgChunk
        {
            CaseId = caseId,
            Sequence = sequence,
            SampleRateHz = 500,
            MicrovoltsPerUnit = 2.5,
            StartedAt = Timestamp.FromDateTimeOffset(startedAt),
        };
        for (var lead = 1; lead <= leads; lead++)
        {
            var samples = new EcgLeadSamples { Lead = (EcgLead)lead };
            for (var i = 0; i < SamplesPerChunk; i++)
            {
                samples.Samples.Add(Sample(sequence, lead, i));
            }

            chunk.Leads.Add(samples);
        }

        return chunk;
    }

    public static int Sample(ulong sequence, int lead, int i) =>
        (int)(400 * Math.Sin(((long)sequence * SamplesPerChunk + i) * 2 * Math.PI / 500 * (1 + lead / 12.0))) - lead;
}
