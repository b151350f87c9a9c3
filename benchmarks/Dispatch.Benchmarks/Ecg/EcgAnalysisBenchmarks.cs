using BenchmarkDotNet.Attributes;
using Dispatch.Contracts.Recording;
using Dispatch.Ecg.Analysis;
using Dispatch.Ecg.Synthesis;

namespace Dispatch.Benchmarks.Ecg;

/// <summary>
/// One 12-lead stream's analysis: 10 s at 500 Hz (40 chunks of 250 ms, 60,000 samples) through
/// QRS detection, filtering, median beats, ST measurement and the STEMI screen, against a baseline
/// that only reads every sample of the same chunks (what storing or forwarding them costs at least).
/// samples/s per core = 60,000 / mean; 1,000 streams at 500 Hz need 6,000,000 samples/s.
/// </summary>
[MemoryDiagnoser]
public class EcgAnalysisBenchmarks
{
    private List<EcgChunkData> _chunks = [];

    [GlobalSetup]
    public void Setup()
    {
        var ecg = SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Stemi, Noise: NoiseLevel.Ambulance, Seed: 5), 10);
        _chunks = [.. SyntheticEcg.Chunks(ecg, "bench", DateTimeOffset.UnixEpoch)];
    }

    [Benchmark(Baseline = true, Description = "read every sample (baseline)")]
    public double ReadEverySample()
    {
        var sum = 0.0;
        foreach (var chunk in _chunks)
        {
            var scale = chunk.MicrovoltsPerUnit / 1000;
            foreach (var lead in chunk.Leads)
            {
                foreach (var sample in lead)
                {
                    sum += sample * scale;
                }
            }
        }

        return sum;
    }

    [Benchmark(Description = "analyse 10 s of 12-lead")]
    public int AnalyseTenSeconds()
    {
        var analyzer = new EcgStreamAnalyzer(500);
        var windows = 0;
        foreach (var chunk in _chunks)
        {
            windows += analyzer.Append(chunk, PatientContext.Unknown, DateTimeOffset.UnixEpoch).Count;
        }

        return windows;
    }
}
