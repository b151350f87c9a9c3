using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Dispatch.Contracts.Recording;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Mapping;

/// <summary>ECG chunks between the wire and the domain; refuses what cannot be a 12-lead chunk of 16-bit samples.</summary>
public static class EcgMapping
{
    // Compiled optimised at once: under load, tiered compilation left the per-chunk kernels in first-tier code (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EcgChunkData ToDomain(this V1.EcgChunk chunk, InputRules rules)
    {
        var caseId = chunk.CaseId.Required("ecg.case_id");
        if (chunk.Leads.Count != EcgChunkData.LeadCount)
        {
            throw CommonMapping.Invalid($"an ECG chunk carries exactly {EcgChunkData.LeadCount} leads, got {chunk.Leads.Count}");
        }

        var leads = new short[EcgChunkData.LeadCount][];
        foreach (var lead in chunk.Leads)
        {
            var index = (int)lead.Lead - 1;
            if (index is < 0 or >= EcgChunkData.LeadCount)
            {
                throw CommonMapping.Invalid($"unknown ECG lead {(int)lead.Lead}");
            }

            if (leads[index] is not null)
            {
                throw CommonMapping.Invalid($"ECG lead {lead.Lead} appears twice in chunk {chunk.Sequence}");
            }

            var samples = new short[lead.Samples.Count];
            for (var i = 0; i < samples.Length; i++)
            {
                var value = lead.Samples[i];
                samples[i] = value is >= short.MinValue and <= short.MaxValue
                    ? (short)value
                    : throw CommonMapping.Invalid($"ECG lead {lead.Lead} sample {i} is {value}, outside the signed 16-bit range");
            }

            leads[index] = samples;
        }

        var startedAt = rules.Time(chunk.StartedAt, "ecg.started_at") ?? throw CommonMapping.Invalid("ecg.started_at is required");
        if (chunk.Sequence > long.MaxValue)
        {
            throw CommonMapping.Invalid($"ecg.sequence {chunk.Sequence} is beyond any recording; sequences count up from 1");
        }

        return new EcgChunkData(caseId, (long)chunk.Sequence, (int)chunk.SampleRateHz, chunk.MicrovoltsPerUnit, startedAt,
            [.. leads]);
    }

    public static V1.EcgChunk ToWire(this EcgChunkData chunk)
    {
        var wire = new V1.EcgChunk
        {
            CaseId = chunk.CaseId,
            Sequence = (ulong)chunk.Sequence,
            SampleRateHz = (uint)chunk.SampleRateHz,
            MicrovoltsPerUnit = chunk.MicrovoltsPerUnit,
            StartedAt = chunk.StartedAt.ToWire(),
        };
        for (var i = 0; i < chunk.Leads.Length; i++)
        {
            var lead = new V1.EcgLeadSamples { Lead = (V1.EcgLead)(i + 1) };
            lead.Samples.Capacity = Math.Max(lead.Samples.Capacity, chunk.Leads[i].Length);
            foreach (var sample in chunk.Leads[i])
            {
                lead.Samples.Add(sample);
            }

            wire.Leads.Add(lead);
        }

        return wire;
    }

    public static V1.EcgRecording ToWire(string caseId, ImmutableArray<EcgChunkData> chunks)
    {
        var recording = new V1.EcgRecording { CaseId = caseId, LastSequence = chunks.IsEmpty ? 0 : (ulong)chunks[^1].Sequence };
        recording.Chunks.AddRange(chunks.Select(ToWire));
        return recording;
    }
}
