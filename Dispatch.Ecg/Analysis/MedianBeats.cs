using System.Runtime.CompilerServices;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// The median beat of each lead over a window: every beat cut out around its fiducial and the
/// median taken sample by sample, which keeps the shape and drops noise and the odd ectopic.
/// </summary>
public sealed class MedianBeats
{
    private MedianBeats(double[][] leads, int fiducial, double noise, int beats)
    {
        (Leads, Fiducial, NoiseMillivolts, Beats) = (leads, fiducial, noise, beats);
    }

    /// <summary>Per lead, the median beat in mV.</summary>
    public double[][] Leads { get; }

    /// <summary>Index of the QRS fiducial within each median beat.</summary>
    public int Fiducial { get; }

    /// <summary>RMS of the beats around their median: what is left of the noise.</summary>
    public double NoiseMillivolts { get; }

    public int Beats { get; }

    public int Length => Leads[0].Length;

    // Compiled optimised at once: under load, tiered compilation left the per-chunk kernels in first-tier code (docs/performance.md).
    /// <param name="filtered">Each lead's filtered window in its first <paramref name="length"/> samples.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MedianBeats? Build(double[][] filtered, int length, IReadOnlyList<int> fiducials, double sampleRateHz)
    {
        var before = (int)(0.3 * sampleRateHz);
        var after = (int)(0.5 * sampleRateHz);
        var starts = fiducials.Where(f => f - before >= 0 && f + after < length).Select(f => f - before).ToArray();
        if (starts.Length < 3)
        {
            return null;
        }

        var beatLength = before + after;
        var medians = new double[filtered.Length][];
        var column = new double[starts.Length];
        // Where each beat starts, in the order of the previous sample's values: one sample to the
        // next barely reorders the beats, so sorting the next column from that order takes a pass,
        // not a full sort.
        var startsInOrder = new int[starts.Length];
        var residual = 0.0;
        for (var lead = 0; lead < filtered.Length; lead++)
        {
            var signal = filtered[lead];
            var median = medians[lead] = new double[beatLength];
            starts.CopyTo(startsInOrder, 0);
            for (var b = 0; b < column.Length; b++)
            {
                column[b] = signal[startsInOrder[b]];
            }

            for (var t = 0; t < beatLength; t++)
            {
                var m = median[t] = SortedMedian(column, startsInOrder);
                // The spread around the median, summed in sorted order as ever, while the next
                // sample's column is read in the order this one sorted into.
                var next = t + 1 < beatLength ? t + 1 : t;
                for (var b = 0; b < column.Length; b++)
                {
                    var d = column[b] - m;
                    residual += d * d;
                    column[b] = signal[startsInOrder[b] + next];
                }
            }
        }

        var noise = Math.Sqrt(residual / (filtered.Length * beatLength * starts.Length));
        return new MedianBeats(medians, before, noise, starts.Length);
    }

    /// <summary>
    /// Sorts the column in place by insertion, carrying the beats' starts along, and returns its
    /// median. Nearly sorted already (see <see cref="Build"/>), most values are already in place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SortedMedian(Span<double> values, Span<int> order)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            if (!(values[i - 1] > v))
            {
                continue;
            }

            var o = order[i];
            var j = i - 1;
            do
            {
                values[j + 1] = values[j];
                order[j + 1] = order[j];
                j--;
            }
            while (j >= 0 && values[j] > v);

            values[j + 1] = v;
            order[j + 1] = o;
        }

        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
