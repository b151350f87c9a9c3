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
                Biquad.ZeroPhase(x, design);
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

    [Fact]
    public void RefusesMoreLeadsThanItHasLanes()
    {
        var leads = Enumerable.Range(0, LeadBank.MaxLeads + 1).Select(_ => new double[10]).ToArray();

        var error = Assert.Throws<ArgumentException>(() => new LeadBank().Load(leads, 0, 10));

        Assert.Contains("at most 12 leads", error.Message);
    }
}
