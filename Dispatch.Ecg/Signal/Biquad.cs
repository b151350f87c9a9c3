using System.Runtime.CompilerServices;

namespace Dispatch.Ecg.Signal;

/// <summary>
/// A second-order IIR section (RBJ cookbook designs). Run forward only when causality matters
/// (QRS detection), or forward and back (<see cref="ZeroPhase"/>) where the ST segment must not be
/// shifted or distorted: the AHA allows a 0.67 Hz high-pass for diagnostic ST only with zero phase.
/// </summary>
public sealed class Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        (_b0, _b1, _b2, _a1, _a2) = (b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    public static Biquad HighPass(double cutoffHz, double sampleRateHz, double q = 0.7071067811865476)
    {
        var (cos, alpha) = Prewarp(cutoffHz, sampleRateHz, q);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad LowPass(double cutoffHz, double sampleRateHz, double q = 0.7071067811865476)
    {
        var (cos, alpha) = Prewarp(cutoffHz, sampleRateHz, q);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad Notch(double centreHz, double sampleRateHz, double q = 30)
    {
        var (cos, alpha) = Prewarp(centreHz, sampleRateHz, q);
        return new Biquad(1, -2 * cos, 1, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>The normalised coefficients, for <see cref="LeadBank"/>, which runs the same section over several leads at once.</summary>
    internal (double B0, double B1, double B2, double A1, double A2) Coefficients => (_b0, _b1, _b2, _a1, _a2);

    /// <summary>The steady-state output for a constant input of 1, which <see cref="Settle"/> starts from.</summary>
    internal double DcGain => (_b0 + _b1 + _b2) / (1 + _a1 + _a2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(double x)
    {
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        (_x2, _x1, _y2, _y1) = (_x1, x, _y1, y);
        return y;
    }

    /// <summary>Starts the filter as if the input had always been <paramref name="x"/> (no step at the start).</summary>
    public void Settle(double x)
    {
        var gain = DcGain;
        (_x1, _x2, _y1, _y2) = (x, x, x * gain, x * gain);
    }

    /// <summary>Filters in place forward, then backward: the phase shifts cancel and the order doubles.</summary>
    public static void ZeroPhase(Span<double> signal, Func<Biquad> design)
    {
        if (signal.Length == 0)
        {
            return;
        }

        var forward = design();
        forward.Settle(signal[0]);
        forward.Run(signal, backward: false);

        var backward = design();
        backward.Settle(signal[^1]);
        backward.Run(signal, backward: true);
    }

    /// <summary>
    /// <see cref="Next"/> over a whole signal with coefficients and state in locals: the same sums in
    /// the same order (the same result to the bit), without a load and store of the state per sample.
    /// </summary>
    private void Run(Span<double> signal, bool backward)
    {
        var (b0, b1, b2, a1, a2) = (_b0, _b1, _b2, _a1, _a2);
        var (x1, x2, y1, y2) = (_x1, _x2, _y1, _y2);
        var step = backward ? -1 : 1;
        for (int i = backward ? signal.Length - 1 : 0, n = 0; n < signal.Length; i += step, n++)
        {
            var x = signal[i];
            var y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            (x2, x1, y2, y1) = (x1, x, y1, y);
            signal[i] = y;
        }

        (_x1, _x2, _y1, _y2) = (x1, x2, y1, y2);
    }

    private static (double Cos, double Alpha) Prewarp(double hz, double sampleRateHz, double q)
    {
        var w = 2 * Math.PI * hz / sampleRateHz;
        return (Math.Cos(w), Math.Sin(w) / (2 * q));
    }
}
