using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dispatch.Ecg.Signal;

/// <summary>
/// Zero-phase filtering of up to twelve leads at once. A biquad is a recurrence, so one lead's
/// samples cannot be computed side by side; but the leads are independent, so four of them share
/// each vector instruction, and the three groups of four are interleaved so that their recurrences
/// overlap in the pipeline. Every lane does the same multiplications and additions, in the same
/// order, as filtering its lead alone would (<c>LeadBankTests</c> holds that lead-by-lead filter
/// and compares the two to the bit), several times faster (benchmarks/, <c>EcgAnalysisBenchmarks</c>).
/// </summary>
public sealed class LeadBank
{
    public const int MaxLeads = Groups * Lanes;

    private const int Lanes = 4;
    private const int Groups = 3;

    // Sample-major: the three groups of sample t are at 3t, 3t + 1 and 3t + 2. Lanes past the last
    // lead carry zeros, filtered along and never stored.
    private Vector256<double>[] _work = [];
    private int _leads;
    private int _length;

    // Compiled optimised at once: under load, tiered compilation left the per-chunk kernels in first-tier code (docs/performance.md).
    /// <summary>Loads <paramref name="length"/> samples of each lead, from <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Load(double[][] leads, int start, int length)
    {
        if (leads.Length > MaxLeads)
        {
            throw new ArgumentException($"a lead bank filters at most {MaxLeads} leads, got {leads.Length}", nameof(leads));
        }

        (_leads, _length) = (leads.Length, length);
        if (_work.Length < Groups * length)
        {
            _work = new Vector256<double>[Groups * length];
        }

        for (var g = 0; g < Groups; g++)
        {
            var (a, b, c, d) = (Lead(leads, g, 0), Lead(leads, g, 1), Lead(leads, g, 2), Lead(leads, g, 3));
            for (var t = 0; t < length; t++)
            {
                var s = start + t;
                _work[t * Groups + g] = Vector256.Create(a is null ? 0 : a[s], b is null ? 0 : b[s], c is null ? 0 : c[s], d is null ? 0 : d[s]);
            }
        }
    }

    /// <summary>Runs one section forward then backward over every lead, each lead settled on its own first sample (then last).</summary>
    public void ZeroPhase(Biquad design)
    {
        Run(design, backward: false);
        Run(design, backward: true);
    }

    /// <summary>Writes the filtered samples of each lead to the start of its array in <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Store(double[][] into)
    {
        for (var lead = 0; lead < _leads; lead++)
        {
            var (g, lane, target) = (lead / Lanes, lead % Lanes, into[lead]);
            for (var t = 0; t < _length; t++)
            {
                target[t] = _work[t * Groups + g].GetElement(lane);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(Biquad design, bool backward)
    {
        if (_length == 0)
        {
            return;
        }

        var section = new BiquadLanes(design);
        var gain = Vector256.Create(design.DcGain);
        var work = _work;
        var first = backward ? _length - 1 : 0;
        var step = backward ? -Groups : Groups;

        // Each group settled: both inputs at the first sample, both outputs at its steady state (Biquad.DcGain).
        var (e, f, g) = (work[first * Groups], work[first * Groups + 1], work[first * Groups + 2]);
        var (ex1, ex2, ey1, ey2) = (e, e, e * gain, e * gain);
        var (fx1, fx2, fy1, fy2) = (f, f, f * gain, f * gain);
        var (gx1, gx2, gy1, gy2) = (g, g, g * gain, g * gain);
        for (int n = 0, i = first * Groups; n < _length; n++, i += step)
        {
            var x = work[i];
            var y = section.Step(x, ex1, ex2, ey1, ey2);
            (ex2, ex1, ey2, ey1) = (ex1, x, ey1, y);
            work[i] = y;

            x = work[i + 1];
            y = section.Step(x, fx1, fx2, fy1, fy2);
            (fx2, fx1, fy2, fy1) = (fx1, x, fy1, y);
            work[i + 1] = y;

            x = work[i + 2];
            y = section.Step(x, gx1, gx2, gy1, gy2);
            (gx2, gx1, gy2, gy1) = (gx1, x, gy1, y);
            work[i + 2] = y;
        }
    }

    private static double[]? Lead(double[][] leads, int group, int lane) =>
        group * Lanes + lane < leads.Length ? leads[group * Lanes + lane] : null;
}
