using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;
using Dispatch.Contracts.Recording;

namespace Dispatch.Ecg.Synthesis;

/// <summary>
/// Generates 12-lead ECGs with known content, for tests, validation and drills: a dynamical
/// beat-to-beat model in the style of ECGSYN (RR intervals with respiratory and Mayer-wave
/// variability driving Gaussian P-QRS-T waves), eight independent leads (I, II, V1-V6) from which
/// III, aVR, aVL and aVF follow by Einthoven's and Goldberger's relations, ST changes by territory
/// and size, the common mimics, and ambulance-like noise.
/// </summary>
public static class SyntheticEcg
{
    private static readonly int[] Independent = [0, 1, 6, 7, 8, 9, 10, 11];

    public static SyntheticEcgRecording Generate(SyntheticEcgSpec spec, double seconds)
    {
        var random = new Random(spec.Seed);
        var fs = spec.SampleRateHz;
        var n = (int)(seconds * fs);
        var shapes = Shapes(spec, random);
        var beats = BeatTimes(spec, seconds, random);
        var leads = new double[12][];
        foreach (var lead in Independent)
        {
            leads[lead] = new double[n];
        }

        foreach (var (at, rr) in beats)
        {
            var from = Math.Max(0, (int)((at - 0.4) * fs));
            var to = Math.Min(n, (int)((at + Math.Min(0.75, rr + 0.1)) * fs));
            for (var i = from; i < to; i++)
            {
                var sinceR = i / fs - at;
                foreach (var lead in Independent)
                {
                    leads[lead][i] += shapes[lead].At(sinceR, rr);
                }
            }

            if (spec.Condition == EcgCondition.Paced)
            {
                AddPacingSpike(leads, (int)((at - 0.05) * fs), random);
            }
        }

        DeriveLimbLeads(leads);
        Noise.Add(leads, spec, random);
        var qrs = beats.Select(b => (int)Math.Round((b.At + MajorDeflection(shapes, b.Rr)) * fs)).Where(i => i >= 0 && i < n);
        return new SyntheticEcgRecording(leads, fs, [.. qrs], spec);
    }

    /// <summary>Cuts a recording into chunks as a monitor would send them (16-bit samples at a given µV per unit).</summary>
    public static IEnumerable<EcgChunkData> Chunks(SyntheticEcgRecording recording, string caseId, DateTimeOffset startedAt,
        double chunkSeconds = 0.25, double microvoltsPerUnit = 2.5)
    {
        var size = (int)(chunkSeconds * recording.SampleRateHz);
        for (int from = 0, sequence = 1; from + size <= recording.Samples; from += size, sequence++)
        {
            var leads = recording.Millivolts.Select(lead =>
            {
                var samples = new short[size];
                for (var i = 0; i < size; i++)
                {
                    samples[i] = (short)Math.Clamp(Math.Round(lead[from + i] * 1000 / microvoltsPerUnit), short.MinValue, short.MaxValue);
                }

                return samples;
            }).ToArray();
            yield return new EcgChunkData(caseId, sequence, (int)recording.SampleRateHz, microvoltsPerUnit,
                startedAt + TimeSpan.FromSeconds(from / recording.SampleRateHz), [.. leads]);
        }
    }

    /// <summary>Where an annotator would mark the beat: the largest deflection of the QRS over all leads (the R peak of a narrow QRS, the broad S of a left-bundle-like one).</summary>
    private static double MajorDeflection(Dictionary<int, WaveShape> shapes, double rr)
    {
        var (best, at) = (0.0, 0.0);
        for (var t = -0.06; t <= 0.15; t += 0.001)
        {
            var sum = shapes.Values.Sum(shape => Math.Abs(shape.At(t, rr) - shape.At(-0.1, rr)));
            if (sum > best)
            {
                (best, at) = (sum, t);
            }
        }

        return at;
    }

    /// <summary>RR intervals around the mean rate, varying with breathing (0.25 Hz) and Mayer waves (0.1 Hz), as ECGSYN's tachogram.</summary>
    private static List<(double At, double Rr)> BeatTimes(SyntheticEcgSpec spec, double seconds, Random random)
    {
        var mean = 60 / spec.HeartRate;
        var (phaseA, phaseB) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * 2 * Math.PI);
        var beats = new List<(double, double)>();
        var t = random.NextDouble() * mean;
        while (t < seconds + 1)
        {
            var variation = spec.HeartRateVariability * (0.6 * Math.Sin(2 * Math.PI * 0.25 * t + phaseA) + 0.4 * Math.Sin(2 * Math.PI * 0.1 * t + phaseB))
                + spec.HeartRateVariability * 0.3 * Gaussian(random);
            var rr = mean * (1 + variation);
            beats.Add((t, rr));
            t += rr;
        }

        return beats;
    }

    private static Dictionary<int, WaveShape> Shapes(SyntheticEcgSpec spec, Random random)
    {
        double Vary(double v) => v * (0.8 + 0.4 * random.NextDouble());
        var shapes = new Dictionary<int, WaveShape>
        {
            [0] = new(Vary(0.08), Vary(-0.04), Vary(0.6), Vary(-0.08), Vary(0.2)),
            [1] = new(Vary(0.12), Vary(-0.06), Vary(1.0), Vary(-0.15), Vary(0.3)),
            [6] = new(Vary(0.06), 0, Vary(0.25), Vary(-0.9), Vary(0.08)),
            [7] = new(Vary(0.06), 0, Vary(0.45), Vary(-1.3), Vary(0.45)),
            [8] = new(Vary(0.06), Vary(-0.02), Vary(0.8), Vary(-0.8), Vary(0.45)),
            [9] = new(Vary(0.07), Vary(-0.05), Vary(1.3), Vary(-0.45), Vary(0.4)),
            [10] = new(Vary(0.07), Vary(-0.07), Vary(1.2), Vary(-0.2), Vary(0.32)),
            [11] = new(Vary(0.07), Vary(-0.06), Vary(1.0), Vary(-0.1), Vary(0.25)),
        };

        // Normal variant: a little J elevation in V2-V3, more in men.
        var normalSt = spec.Sex == PatientSex.Male ? 0.04 + 0.06 * random.NextDouble() : 0.03 * random.NextDouble();
        shapes[7].St = normalSt;
        shapes[8].St = normalSt * 0.8;
        ConditionChanges.Apply(spec, shapes, random);
        return shapes;
    }

    private static void AddPacingSpike(double[][] leads, int at, Random random)
    {
        if (at < 1 || at >= leads[0].Length)
        {
            return;
        }

        foreach (var lead in Independent)
        {
            var height = (lead is 0 or 1 ? 2.5 : 4) * (0.8 + 0.4 * random.NextDouble());
            leads[lead][at] += height;
            leads[lead][at + 1 < leads[lead].Length ? at + 1 : at] -= height * 0.3;
        }
    }

    /// <summary>III = II − I; aVR = −(I + II)/2; aVL = I − II/2; aVF = II − I/2.</summary>
    private static void DeriveLimbLeads(double[][] leads)
    {
        var n = leads[0].Length;
        leads[(int)EcgLead.III] = new double[n];
        leads[(int)EcgLead.AVR] = new double[n];
        leads[(int)EcgLead.AVL] = new double[n];
        leads[(int)EcgLead.AVF] = new double[n];
        for (var i = 0; i < n; i++)
        {
            var (one, two) = (leads[0][i], leads[1][i]);
            leads[(int)EcgLead.III][i] = two - one;
            leads[(int)EcgLead.AVR][i] = -(one + two) / 2;
            leads[(int)EcgLead.AVL][i] = one - two / 2;
            leads[(int)EcgLead.AVF][i] = two - one / 2;
        }
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
