using Dispatch.Ecg.Signal;

namespace Dispatch.Tests.Ecg;

/// <summary>
/// The vectorised bank must give the clinician exactly what lead-by-lead filtering gave: the ST
/// thresholds were validated on those numbers, so "close" is not enough.
/// </summary>
public sealed class LeadBankTests
{
    [Theory]
    [InlineData(12, 5250, 500)]
    [InlineData(8, 1000, 500)]
    [InlineData(1, 3, 250)]
    public void FiltersEveryLead_ToTheBit_AsTheLeadByLeadCascade(int leadCount, int length, double sampleRateHz)
    {
        var random = new Random(leadCount * 7919 + length);
        const int start = 17;
        var leads = Enumerable.Range(0, leadCount)
            .Select(_ => Enumerable.Range(0, start + length + 5).Select(_ => random.NextDouble() * 4 - 2).ToArray())
            .ToArray();
        Func<Biquad>[] cascade =
        [
            () => Biquad.HighPass(0.67, sampleRateHz), () => Biquad.LowPass(40, sampleRateHz),
            () => Biquad.Notch(50, sampleRateHz), () => Biquad.Notch(60, sampleRateHz),
        ];

        var expected = leads.Select(lead =>
        {
            var x = lead.AsSpan(start, length).ToArray();
            foreach (var design in cascade)
            {
                ZeroPhaseLeadByLead(x, design());
            }

            return x;
        }).ToArray();

        var bank = new LeadBank();
        bank.Load(leads, start, length);
        foreach (var design in cascade)
        {
            bank.ZeroPhase(design());
        }

        var actual = leads.Select(_ => new double[length + 3]).ToArray();
        bank.Store(actual);

        for (var lead = 0; lead < leadCount; lead++)
        {
            for (var t = 0; t < length; t++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[lead][t]) == BitConverter.DoubleToInt64Bits(actual[lead][t]),
                    $"lead {lead}, sample {t}: {actual[lead][t]:R} instead of {expected[lead][t]:R}");
            }
        }
    }

    /// <summary>
    /// The filter as written for one lead before the bank: forward from the first sample settled,
    /// then backward from the last, each output summed as b0·x + b1·x₁ + b2·x₂ − a1·y₁ − a2·y₂.
    /// </summary>
    private static void ZeroPhaseLeadByLead(double[] signal, Biquad design)
    {
        var (b0, b1, b2, a1, a2) = design.Coefficients;
        foreach (var backward in new[] { false, true })
        {
            var first = signal[backward ? ^1 : 0];
            var (x1, x2, y1, y2) = (first, first, first * design.DcGain, first * design.DcGain);
            for (var n = 0; n < signal.Length; n++)
            {
                var i = backward ? signal.Length - 1 - n : n;
                var x = signal[i];
                var y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
                (x2, x1, y2, y1) = (x1, x, y1, y);
                signal[i] = y;
            }
        }
    }

    [Fact]
    public void RefusesMoreLeadsThanItHasLanes()
    {
        var leads = Enumerable.Range(0, LeadBank.MaxLeads + 1).Select(_ => new double[10]).ToArray();

        var error = Assert.Throws<ArgumentException>(() => new LeadBank().Load(leads, 0, 10));

        Assert.Contains("at most 12 leads", error.Message);
    }
}
