using System.Text.Json;
using Dispatch.Contracts.Recording;
using Dispatch.Ecg.Analysis;
using Dispatch.Ecg.Synthesis;

namespace Dispatch.Tests.Ecg;

/// <summary>The stream's analysis measures millivolts, whatever scale each chunk's samples came at.</summary>
public sealed class EcgStreamAnalyzerTests
{
    [Fact]
    public void AScaleChangeMidStream_GivesTheFindingsOfTheSameSignal()
    {
        var spec = new SyntheticEcgSpec(EcgCondition.Stemi, Noise: NoiseLevel.Ambulance, Seed: 7);
        var ecg = SyntheticEcg.Generate(spec, 31);
        var chunks = SyntheticEcg.Chunks(ecg, "case", DateTimeOffset.UnixEpoch).ToList();
        // Every other chunk as a device at twice the resolution sends it: samples doubled, each worth half
        // as many µV. Both are exact in binary, so the millivolts are the same to the bit.
        var rescaled = chunks.Select((chunk, i) => i % 2 == 0 ? chunk : chunk with
        {
            MicrovoltsPerUnit = chunk.MicrovoltsPerUnit / 2,
            Leads = [.. chunk.Leads.Select(lead => lead.Select(sample => checked((short)(sample * 2))).ToArray())],
        }).ToList();

        var asSent = Analyse(chunks, spec);
        var withChanges = Analyse(rescaled, spec);

        Assert.Equal(3, asSent.Count);
        Assert.Equal(Json(asSent), Json(withChanges));
    }

    private static List<Contracts.Ecg.EcgFindings> Analyse(List<EcgChunkData> chunks, SyntheticEcgSpec spec)
    {
        var analyzer = new EcgStreamAnalyzer(chunks[0].SampleRateHz);
        return [.. chunks.SelectMany(chunk => analyzer.Append(chunk, new PatientContext(spec.Age, spec.Sex), DateTimeOffset.UnixEpoch))];
    }

    // Findings hold immutable arrays, which compare by reference: compared as what a client receives.
    private static string Json(List<Contracts.Ecg.EcgFindings> findings) => JsonSerializer.Serialize(findings);
}
