using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dispatch.Ecg.Signal;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// The per-lead front of <see cref="QrsDetector"/> for four leads in the lanes of one vector: the
/// 5 Hz high-pass, the 15 Hz low-pass and the five-point derivative. Each lane does the same
/// multiplications and additions in the same order as the lead-by-lead filter and derivative it
/// replaced (the sum of <see cref="Biquad"/>), so detection finds the same beats to the sample.
/// </summary>
internal struct QrsSlopeLanes
{
    private static readonly Vector256<double> Two = Vector256.Create(2.0);
    private static readonly Vector256<double> Eight = Vector256.Create(8.0);

    private Vector256<double> _hpX1, _hpX2, _hpY1, _hpY2;
    private Vector256<double> _lpX1, _lpX2, _lpY1, _lpY2;
    private Vector256<double> _h0, _h1, _h2, _h3, _h4;

    /// <summary>The band-passed slope of the four leads' next sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Next(Vector256<double> x, in Design design)
    {
        var hp = design.HighPass.Step(x, _hpX1, _hpX2, _hpY1, _hpY2);
        (_hpX2, _hpX1, _hpY2, _hpY1) = (_hpX1, x, _hpY1, hp);
        var y = design.LowPass.Step(hp, _lpX1, _lpX2, _lpY1, _lpY2);
        (_lpX2, _lpX1, _lpY2, _lpY1) = (_lpX1, hp, _lpY1, y);
        (_h4, _h3, _h2, _h1, _h0) = (_h3, _h2, _h1, _h0, y);
        return (Two * _h0 + _h1 - _h3 - Two * _h4) * design.SampleRate / Eight;
    }

    /// <summary>The two sections and the sample rate, broadcast to every lane.</summary>
    internal readonly struct Design(Biquad highPass, Biquad lowPass, double sampleRateHz)
    {
        // Fields, not properties: the detector reads them for every sample, by reference.
        public readonly BiquadLanes HighPass = new(highPass);

        public readonly BiquadLanes LowPass = new(lowPass);

        public readonly Vector256<double> SampleRate = Vector256.Create(sampleRateHz);
    }
}
