using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;
using Dispatch.Ecg.Analysis;
using Dispatch.Ecg.Synthesis;

namespace Dispatch.Ecg.Validation;

/// <summary>
/// Screens a labelled set of generated 12-lead ECGs through the same streaming analysis the engine
/// runs, chunk by chunk. The mix: 40 % STEMI (territory at random, 1-4 mm), the rest normal (55 %),
/// early repolarisation (15 %), left-bundle-like wide QRS (10 %), paced (5 %) and posterior MI (15 %).
/// </summary>
public static class EcgValidation
{
    public const double Seconds = 12;

    /// <summary>Screens <paramref name="count"/> recordings; <paramref name="cancellation"/> is checked between them.</summary>
    public static ValidationReport Run(int count, NoiseLevel noise, int seed = 2026, CancellationToken cancellation = default)
    {
        var random = new Random(seed);
        var cases = new List<ValidationCase>(count);
        for (var i = 0; i < count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            cases.Add(Screen(Draw(random, noise, seed * 100_000 + i)));
        }

        return new ValidationReport(noise, cases);
    }

    public static SyntheticEcgSpec Draw(Random random, NoiseLevel noise, int seed)
    {
        var stemi = random.NextDouble() < 0.4;
        var other = random.NextDouble();
        var condition = stemi ? EcgCondition.Stemi
            : other < 0.55 ? EcgCondition.Normal
            : other < 0.70 ? EcgCondition.EarlyRepolarisation
            : other < 0.80 ? EcgCondition.WideQrs
            : other < 0.85 ? EcgCondition.Paced
            : EcgCondition.PosteriorMi;
        var young = condition == EcgCondition.EarlyRepolarisation && random.NextDouble() < 0.7;
        return new SyntheticEcgSpec(
            condition,
            (Territory)random.Next(3),
            1 + 3 * random.NextDouble(),
            50 + 80 * random.NextDouble(),
            0.02 + 0.05 * random.NextDouble(),
            noise,
            random.NextDouble() < 0.65 ? PatientSex.Male : PatientSex.Female,
            young ? 18 + random.Next(22) : 35 + random.Next(55),
            Seed: seed);
    }

    public static ValidationCase Screen(SyntheticEcgSpec spec)
    {
        var recording = SyntheticEcg.Generate(spec, Seconds);
        var analyzer = new EcgStreamAnalyzer(recording.SampleRateHz);
        var detector = new QrsDetector(recording.SampleRateHz);
        var found = detector.Push(recording.Millivolts, recording.Samples);
        EcgFindings? findings = null;
        foreach (var chunk in SyntheticEcg.Chunks(recording, "validation", DateTimeOffset.UnixEpoch))
        {
            var results = analyzer.Append(chunk, new PatientContext(spec.Age, spec.Sex), DateTimeOffset.UnixEpoch);
            findings ??= results.Count > 0 ? results[0] : null;
        }

        // Beats are scored after the detector's 2 s of learning, and 75 ms either side (the usual tolerance).
        var fs = recording.SampleRateHz;
        var tolerance = 0.075 * fs;
        var truth = recording.QrsPeaks.Where(p => p > 2 * fs && p < recording.Samples - 0.5 * fs).ToList();
        var detections = found.Where(f => f > 2 * fs + tolerance && f < recording.Samples - 0.5 * fs - tolerance).ToList();
        var hits = truth.Count(t => found.Any(f => Math.Abs(f - t) <= tolerance));
        var falseBeats = detections.Count(f => !recording.QrsPeaks.Any(t => Math.Abs(f - t) <= tolerance));
        var screening = findings?.Screening;
        return new ValidationCase(spec, screening?.Suspected == true, screening?.Territories.Contains(spec.Territory) == true,
            screening?.Confounders.IsEmpty == false, screening?.PosteriorHint == true, truth.Count, hits, falseBeats);
    }
}
