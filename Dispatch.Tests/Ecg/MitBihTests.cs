using System.Globalization;
using Dispatch.Ecg.Analysis;

namespace Dispatch.Tests.Ecg;

/// <summary>
/// QRS detection on a real recording: 5 minutes of MIT-BIH record 208 (lead MLII, 360 Hz; normal
/// beats, many PVCs, noise). The strip comes without its beat annotations, so this checks what
/// can be checked without them: the count fits the record's rate, no two beats are closer than a
/// heart can beat, and every detection sits on a real QRS deflection. See docs/ecg.md.
/// </summary>
public sealed class MitBihTests
{
    private const double SampleRate = 360;

    [Fact]
    public void Record208_DetectsItsBeats_AtAPlausibleRate_EachOnARealDeflection()
    {
        var millivolts = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "ecg", "mitbih208_mlii_360hz_mV.csv"))
            .Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();
        var leads = Enumerable.Range(0, 12).Select(lead => lead == 1 ? millivolts : new double[millivolts.Length]).ToArray();

        var beats = new QrsDetector(SampleRate).Push(leads, millivolts.Length);

        var rr = beats.Zip(beats.Skip(1), (a, b) => (b - a) / SampleRate).ToList();
        Assert.InRange(beats.Count, 480, 530);
        Assert.True(rr.Min() >= 0.2, $"shortest RR {rr.Min():F3} s");
        foreach (var beat in beats)
        {
            var from = (int)Math.Max(0, beat - 0.08 * SampleRate);
            var to = (int)Math.Min(millivolts.Length - 1, beat + 0.08 * SampleRate);
            var swing = millivolts[from..to].Max() - millivolts[from..to].Min();
            Assert.True(swing >= 0.5, $"beat at {beat / SampleRate:F2} s swings only {swing:F2} mV");
        }
    }
}
