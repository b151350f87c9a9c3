using System.Collections.Immutable;
using Dispatch.Contracts.Ecg;
using Dispatch.Ecg.Signal;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// Measures one window of a 12-lead ECG: zero-phase 0.67–40 Hz band-pass and 50/60 Hz notches,
/// median beats on the detected QRS fiducials, QRS onset and J point, ST at J+60 ms against the
/// PR baseline in every lead, rate, rhythm and QRS width; then the STEMI screen.
/// </summary>
public static class EcgWindowAnalyzer
{
    /// <summary>Where the ST level is read after the J point (the reference: J+60 ms).</summary>
    public const double StAfterJSeconds = 0.06;

    public const double WideQrsMilliseconds = 120;

    // The filtered window is needed only while its window is measured, which runs start to end on
    // one thread, and nothing measured refers to it: one set per thread serves every stream
    // (per stream, it was half a megabyte each, idle between windows).
    [ThreadStatic]
    private static LeadBank? t_bank;

    [ThreadStatic]
    private static double[][]? t_filtered;

    public static EcgFindings? Analyze(SignalWindow leadsMv, double sampleRateHz, IReadOnlyList<int> fiducials, PatientContext patient,
        int window, DateTimeOffset windowStart, DateTimeOffset analysedAt)
    {
        var filtered = Filter(leadsMv, sampleRateHz);
        var beats = MedianBeats.Build(filtered, leadsMv.Length, fiducials, sampleRateHz);
        if (beats is null)
        {
            return null;
        }

        var marks = BeatFiducials.Find(beats, sampleRateHz);
        var st = StLevels(beats, marks, sampleRateHz, StAfterJSeconds);
        var rr = fiducials.Zip(fiducials.Skip(1), (a, b) => (b - a) / sampleRateHz).ToList();
        var medianRr = rr.Count > 0 ? rr.Order().ElementAt(rr.Count / 2) : 1;
        var variation = rr.Count > 1 ? StandardDeviation(rr) / rr.Average() : 0;
        var qrs = (marks.JPoint - marks.Onset) * 1000 / sampleRateHz;
        var confounders = new List<string>();
        if (IsPaced(leadsMv, fiducials, sampleRateHz))
        {
            confounders.Add("paced rhythm");
        }
        else if (qrs >= WideQrsMilliseconds)
        {
            confounders.Add(FormattableString.Invariant($"wide QRS {qrs:F0} ms (bundle-branch-block-like)"));
        }

        return new EcgFindings(window, windowStart, analysedAt, beats.Beats, Math.Round(60 / medianRr, 1), Math.Round(qrs),
            variation < 0.12, st, Math.Round(beats.NoiseMillivolts * 1000, 1), StemiCriteria.Screen(st, patient, confounders));
    }

    /// <summary>Zero-phase 0.67 Hz high-pass, 40 Hz low-pass and mains notches; the first <c>leadsMv.Length</c> samples of each array are the window.</summary>
    private static double[][] Filter(SignalWindow leadsMv, double fs)
    {
        var bank = t_bank ??= new LeadBank();
        bank.Load(leadsMv.Leads, leadsMv.Start, leadsMv.Length);
        bank.ZeroPhase(Biquad.HighPass(0.67, fs));
        bank.ZeroPhase(Biquad.LowPass(40, fs));
        bank.ZeroPhase(Biquad.Notch(50, fs));
        if (fs > 130)
        {
            bank.ZeroPhase(Biquad.Notch(60, fs));
        }

        var filtered = t_filtered;
        if (filtered is null || filtered.Length != leadsMv.LeadCount || filtered[0].Length < leadsMv.Length)
        {
            filtered = t_filtered = [.. Enumerable.Range(0, leadsMv.LeadCount).Select(_ => new double[leadsMv.Length])];
        }

        bank.Store(filtered);
        return filtered;
    }

    private static ImmutableArray<LeadMeasure> StLevels(MedianBeats beats, BeatFiducials marks, double fs, double afterJSeconds)
    {
        var prFrom = Math.Max(0, marks.Onset - (int)(0.03 * fs));
        var prTo = Math.Max(prFrom + 1, marks.Onset - (int)(0.01 * fs));
        var at = Math.Min(beats.Length - 3, marks.JPoint + (int)(afterJSeconds * fs));
        var half = Math.Max(1, (int)(0.004 * fs));
        var levels = ImmutableArray.CreateBuilder<LeadMeasure>(12);
        for (var lead = 0; lead < beats.Leads.Length; lead++)
        {
            var baseline = Mean(beats.Leads[lead], prFrom, prTo);
            var level = Mean(beats.Leads[lead], at - half, at + half + 1);
            levels.Add(new LeadMeasure((EcgLead)lead, Math.Round((level - baseline) * 10, 2)));
        }

        return levels.MoveToImmutable();
    }

    /// <summary>A pacemaker spike is a jump of over 1 mV from one sample to the next, just before the QRS, in several leads.</summary>
    private static bool IsPaced(SignalWindow leadsMv, IReadOnlyList<int> fiducials, double fs)
    {
        var paced = 0;
        foreach (var f in fiducials)
        {
            var from = Math.Max(1, f - (int)(0.12 * fs));
            var to = Math.Min(leadsMv.Length - 1, f + (int)(0.01 * fs));
            var leads = 0;
            foreach (var lead in QrsDetector.IndependentLeads)
            {
                for (var t = from; t <= to; t++)
                {
                    if (Math.Abs(leadsMv[lead, t] - leadsMv[lead, t - 1]) > 1.0)
                    {
                        leads++;
                        break;
                    }
                }
            }

            paced += leads >= 2 ? 1 : 0;
        }

        return fiducials.Count > 0 && paced * 2 >= fiducials.Count;
    }

    private static double Mean(double[] values, int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += values[i];
        }

        return sum / (to - from);
    }

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
