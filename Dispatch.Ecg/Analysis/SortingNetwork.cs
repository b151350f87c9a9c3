using System.Collections.Concurrent;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// A fixed sequence of compare-exchanges that sorts any <c>count</c> values: Batcher's odd-even
/// merge sort for the next power of two, with every exchange that touches a position at or past
/// <c>count</c> left out. Those positions would hold +∞, which no exchange ever moves, so the
/// exchanges left sort exactly <c>count</c> values. Unlike a comparison sort, the sequence does not
/// depend on the data, so it runs on vectors: one lane per column, four columns at once, no branches.
/// </summary>
internal static class SortingNetwork
{
    /// <summary>Only the median networks are kept: the analysis asks for one per window, and the full network is only their starting point.</summary>
    private static readonly ConcurrentDictionary<int, int[]> s_medianNetworks = new();

    /// <summary>
    /// The exchanges of <see cref="For"/> that decide what ends up in the middle position (both middle
    /// positions for an even count): after them those hold what a full sort puts there, and every
    /// position still holds one of the values given, in some order.
    /// </summary>
    public static int[] ForMedian(int count) => s_medianNetworks.GetOrAdd(count, MedianOnly);

    private static int[] MedianOnly(int count)
    {
        var network = For(count);
        var needed = new bool[count];
        needed[count / 2] = true;
        needed[(count - 1) / 2] = true;
        var kept = new List<int>();
        // Backwards from the outputs wanted: an exchange matters if it writes a position that matters, and then both its inputs do.
        for (var i = network.Length - 2; i >= 0; i -= 2)
        {
            var (low, high) = (network[i], network[i + 1]);
            if (needed[low] || needed[high])
            {
                needed[low] = needed[high] = true;
                kept.Add(high);
                kept.Add(low);
            }
        }

        kept.Reverse();
        return [.. kept];
    }

    /// <summary>Pairs of positions, low then high, flattened: after each pair's exchange the lower value is at the low position.</summary>
    public static int[] For(int count)
    {
        var size = 1;
        while (size < count)
        {
            size <<= 1;
        }

        var pairs = new List<int>();
        for (var p = 1; p < size; p <<= 1)
        {
            for (var k = p; k >= 1; k >>= 1)
            {
                for (var j = k % p; j + k < size; j += 2 * k)
                {
                    for (var i = 0; i < Math.Min(k, size - j - k); i++)
                    {
                        var (low, high) = (i + j, i + j + k);
                        // Only within one merge of two sorted runs of p (Batcher's condition), and only real values.
                        if (low / (2 * p) == high / (2 * p) && high < count)
                        {
                            pairs.Add(low);
                            pairs.Add(high);
                        }
                    }
                }
            }
        }

        return [.. pairs];
    }
}
