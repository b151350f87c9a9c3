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
        var hp = design.HighB0 * x + design.HighB1 * _hpX1 + design.HighB2 * _hpX2 - design.HighA1 * _hpY1 - design.HighA2 * _hpY2;
        (_hpX2, _hpX1, _hpY2, _hpY1) = (_hpX1, x, _hpY1, hp);
        var y = design.LowB0 * hp + design.LowB1 * _lpX1 + design.LowB2 * _lpX2 - design.LowA1 * _lpY1 - design.LowA2 * _lpY2;
        (_lpX2, _lpX1, _lpY2, _lpY1) = (_lpX1, hp, _lpY1, y);
        (_h4, _h3, _h2, _h1, _h0) = (_h3, _h2, _h1, _h0, y);
        return (Two * _h0 + _h1 - _h3 - Two * _h4) * design.SampleRate / Eight;
    }

    /// <summary>The two sections' coefficients and the sample rate, broadcast to every lane.</summary>
    internal readonly struct Design
    {
        public Design(Biquad highPass, Biquad lowPass, double sampleRateHz)
        {
            var (hb0, hb1, hb2, ha1, ha2) = highPass.Coefficients;
            var (lb0, lb1, lb2, la1, la2) = lowPass.Coefficients;
            (HighB0, HighB1, HighB2, HighA1, HighA2) = (Vector256.Create(hb0), Vector256.Create(hb1), Vector256.Create(hb2), Vector256.Create(ha1), Vector256.Create(ha2));
            (LowB0, LowB1, LowB2, LowA1, LowA2) = (Vector256.Create(lb0), Vector256.Create(lb1), Vector256.Create(lb2), Vector256.Create(la1), Vector256.Create(la2));
            SampleRate = Vector256.Create(sampleRateHz);
        }

        public Vector256<double> HighB0 { get; }

        public Vector256<double> HighB1 { get; }

        public Vector256<double> HighB2 { get; }

        public Vector256<double> HighA1 { get; }

        public Vector256<double> HighA2 { get; }

        public Vector256<double> LowB0 { get; }

        public Vector256<double> LowB1 { get; }

        public Vector256<double> LowB2 { get; }

        public Vector256<double> LowA1 { get; }

        public Vector256<double> LowA2 { get; }

        public Vector256<double> SampleRate { get; }
    }
}
