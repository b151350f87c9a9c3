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

    public static MedianBeats? Build(double[][] filtered, IReadOnlyList<int> fiducials, double sampleRateHz)
    {
        var before = (int)(0.3 * sampleRateHz);
        var after = (int)(0.5 * sampleRateHz);
        var usable = fiducials.Where(f => f - before >= 0 && f + after < filtered[0].Length).ToList();
        if (usable.Count < 3)
        {
            return null;
        }

        var length = before + after;
        var medians = new double[filtered.Length][];
        var column = new double[usable.Count];
        // The beats in the order of the previous sample's values: one sample to the next barely
        // reorders them, so sorting the next column from that order takes a pass, not a full sort.
        var order = new int[usable.Count];
        var residual = 0.0;
        for (var lead = 0; lead < filtered.Length; lead++)
        {
            medians[lead] = new double[length];
            for (var b = 0; b < order.Length; b++)
            {
                order[b] = b;
            }

            for (var t = 0; t < length; t++)
            {
                for (var b = 0; b < usable.Count; b++)
                {
                    column[b] = filtered[lead][usable[order[b]] - before + t];
                }

                medians[lead][t] = SortedMedian(column, order);
                for (var b = 0; b < usable.Count; b++)
                {
                    var d = column[b] - medians[lead][t];
                    residual += d * d;
                }
            }
        }

        var noise = Math.Sqrt(residual / (filtered.Length * length * usable.Count));
        return new MedianBeats(medians, before, noise, usable.Count);
    }

    /// <summary>
    /// Sorts the column in place by insertion, carrying the beats' order along, and returns its
    /// median. Nearly sorted already (see <see cref="Build"/>), it takes a few moves.
    /// </summary>
    private static double SortedMedian(double[] values, int[] order)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var (v, o) = (values[i], order[i]);
            var j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                (values[j + 1], order[j + 1]) = (values[j], order[j]);
                j--;
            }

            (values[j + 1], order[j + 1]) = (v, o);
        }

        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
