using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// The median beat of each lead over a window: every beat cut out around its fiducial and the
/// median taken sample by sample, which keeps the shape and drops noise and the odd ectopic.
/// </summary>
public sealed class MedianBeats
{
    /// <summary>Samples of one beat per vector.</summary>
    private const int Lanes = 4;

    /// <summary>
    /// Vectors sorted side by side per pass: each compare-exchange of the network is done for four
    /// independent vectors, so the processor overlaps them instead of waiting on one at a time.
    /// </summary>
    private const int Side = 4;

    /// <summary>Consecutive samples whose medians one pass finds.</summary>
    private const int SamplesPerPass = Lanes * Side;

    private static readonly Vector256<double>[] s_laneIndex =
        [.. Enumerable.Range(0, Side).Select(v => Vector256.Create(v * Lanes, v * Lanes + 1.0, v * Lanes + 2, v * Lanes + 3))];

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
        var beatLength = before + after;
        if (starts.Length < 3 || beatLength < SamplesPerPass)
        {
            return null;
        }

        // Every beat ends inside every lead (f + after < length), which is what lets the passes below read without bounds checks.
        if (filtered.Any(lead => lead.Length < length))
        {
            throw new ArgumentException($"every filtered lead must hold the window's {length} samples", nameof(filtered));
        }

        var count = starts.Length;
        var network = SortingNetwork.ForMedian(count);
        var medians = new double[filtered.Length][];
        // Four consecutive samples of every beat to a vector, one sample per lane: sorting the beats
        // lane by lane gives four samples' medians at once, each exactly the value a sort of its own
        // column gives. Laid out beat by beat, the Side vectors of a beat next to each other.
        var columns = new Vector256<double>[count * Side];
        var residual = Vector256<double>.Zero;
        for (var lead = 0; lead < filtered.Length; lead++)
        {
            ref var signal = ref MemoryMarshal.GetArrayDataReference(filtered[lead]);
            var median = medians[lead] = new double[beatLength];
            for (var t = 0; t < beatLength; t += SamplesPerPass)
            {
                // A beat length that is not a multiple of the pass ends on a pass that overlaps the one
                // before: its medians come out the same again, its spread counts only in the new lanes.
                var at = Math.Min(t, beatLength - SamplesPerPass);
                for (var b = 0; b < count; b++)
                {
                    for (var v = 0; v < Side; v++)
                    {
                        columns[b * Side + v] = Vector256.LoadUnsafe(ref signal, (nuint)(starts[b] + at + v * Lanes));
                    }
                }

                Select(columns, network);
                for (var v = 0; v < Side; v++)
                {
                    var m = Middle(columns, count, v);
                    m.CopyTo(median, at + v * Lanes);
                    var spread = Vector256<double>.Zero;
                    for (var b = 0; b < count; b++)
                    {
                        var d = columns[b * Side + v] - m;
                        spread += d * d;
                    }

                    residual += Vector256.GreaterThanOrEqual(s_laneIndex[v], Vector256.Create((double)(t - at))) & spread;
                }
            }
        }

        var noise = Math.Sqrt(Vector256.Sum(residual) / (filtered.Length * beatLength * count));
        return new MedianBeats(medians, before, noise, count);
    }

    /// <summary>The median of each lane of vector <paramref name="v"/> across the beats, once the network has run.</summary>
    private static Vector256<double> Middle(Vector256<double>[] columns, int count, int v)
    {
        var mid = count / 2;
        return count % 2 == 1 ? columns[mid * Side + v] : (columns[(mid - 1) * Side + v] + columns[mid * Side + v]) / 2;
    }

    /// <summary>Runs the network's compare-exchanges on every lane of the Side vectors of each beat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Select(Vector256<double>[] columns, int[] network)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(columns);
        for (var i = 0; i < network.Length; i += 2)
        {
            // Positions below the count by construction (SortingNetwork), and columns holds count * Side.
            ref var low = ref Unsafe.Add(ref first, network[i] * Side);
            ref var high = ref Unsafe.Add(ref first, network[i + 1] * Side);
            Exchange(ref low, ref high);
            Exchange(ref Unsafe.Add(ref low, 1), ref Unsafe.Add(ref high, 1));
            Exchange(ref Unsafe.Add(ref low, 2), ref Unsafe.Add(ref high, 2));
            Exchange(ref Unsafe.Add(ref low, 3), ref Unsafe.Add(ref high, 3));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exchange(ref Vector256<double> low, ref Vector256<double> high) =>
        (low, high) = (Vector256.MinNative(low, high), Vector256.MaxNative(low, high));
}
