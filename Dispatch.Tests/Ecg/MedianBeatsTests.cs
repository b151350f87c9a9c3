using Dispatch.Ecg.Analysis;

namespace Dispatch.Tests.Ecg;

/// <summary>
/// The median beats are sorted four samples at a time by a sorting network: each must still be
/// exactly the median a plain sort of its own column gives, since the ST levels read from them
/// were validated on those numbers.
/// </summary>
public sealed class MedianBeatsTests
{
    [Theory]
    [InlineData(500, 13)]
    [InlineData(500, 14)]
    [InlineData(500, 3)]
    [InlineData(500, 52)]
    [InlineData(360, 17)]
    [InlineData(250, 8)]
    // 205 samples a beat, not a multiple of the 16 a pass takes: the last pass overlaps the one before.
    [InlineData(257, 11)]
    [InlineData(1000, 21)]
    public void EachSample_IsTheMedianOfItsColumn_ToTheBit(int sampleRateHz, int beats)
    {
        var random = new Random(sampleRateHz * 31 + beats);
        var before = (int)(0.3 * sampleRateHz);
        var after = (int)(0.5 * sampleRateHz);
        var spacing = before + after + 7;
        var length = beats * spacing + 40;
        // Every beat the same shape plus noise, as a rhythm gives, with an outlier beat: nearly sorted and not quite.
        var filtered = Enumerable.Range(0, 12).Select(lead => Enumerable.Range(0, length + 9)
            .Select(t => Math.Sin((t % spacing) * 0.07 + lead) + (t / spacing == 1 ? 0.8 : 0) + 0.05 * (random.NextDouble() - 0.5))
            .ToArray()).ToArray();
        var fiducials = Enumerable.Range(0, beats).Select(b => 20 + before + b * spacing).ToList();

        var built = MedianBeats.Build(filtered, length, fiducials, sampleRateHz);

        Assert.NotNull(built);
        Assert.Equal(beats, built.Beats);
        Assert.Equal(before, built.Fiducial);
        var squares = 0.0;
        for (var lead = 0; lead < 12; lead++)
        {
            Assert.Equal(before + after, built.Leads[lead].Length);
            for (var t = 0; t < before + after; t++)
            {
                var column = fiducials.Select(f => filtered[lead][f - before + t]).Order().ToArray();
                var mid = column.Length / 2;
                var expected = column.Length % 2 == 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(built.Leads[lead][t]),
                    $"lead {lead}, sample {t}: {built.Leads[lead][t]:R} instead of {expected:R}");
                squares += column.Sum(v => (v - expected) * (v - expected));
            }
        }

        // The noise is summed in another order than here, so equal to rounding, not to the bit.
        var noise = Math.Sqrt(squares / (12 * (before + after) * beats));
        Assert.Equal(noise, built.NoiseMillivolts, noise * 1e-12);
    }

    [Fact]
    public void BeatsTooNearTheWindowsEdges_AreLeftOut_AndFewerThanThreeGiveNoMedian()
    {
        var filtered = Enumerable.Range(0, 12).Select(_ => new double[5000]).ToArray();

        // At 500 Hz a beat needs 150 samples before its fiducial and 250 after, inside the window.
        Assert.Null(MedianBeats.Build(filtered, 5000, [149, 1000, 4750], 500));
        Assert.Equal(3, MedianBeats.Build(filtered, 5000, [149, 150, 1000, 4749, 4750], 500)?.Beats);
    }
}
