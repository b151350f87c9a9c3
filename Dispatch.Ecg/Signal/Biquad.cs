namespace Dispatch.Ecg.Signal;

/// <summary>
/// The design of a second-order IIR section (RBJ cookbook), its coefficients normalised by a0. The
/// sections run over many leads at once: forward only where causality matters (QRS detection,
/// <c>QrsSlopeLanes</c>), forward and back where the ST segment must not be shifted or distorted
/// (<see cref="LeadBank"/>: the AHA allows a 0.67 Hz high-pass for diagnostic ST only with zero
/// phase). Each output is b0·x + b1·x₁ + b2·x₂ − a1·y₁ − a2·y₂, summed in that order.
/// </summary>
public sealed class Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;

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

    /// <summary>The normalised coefficients.</summary>
    internal (double B0, double B1, double B2, double A1, double A2) Coefficients => (_b0, _b1, _b2, _a1, _a2);

    /// <summary>
    /// The steady-state output for a constant input of 1. A zero-phase pass starts each direction as
    /// if its first sample had always been the input (x₁ = x₂ = x, y₁ = y₂ = x·gain): no step at the edges.
    /// </summary>
    internal double DcGain => (_b0 + _b1 + _b2) / (1 + _a1 + _a2);

    private static (double Cos, double Alpha) Prewarp(double hz, double sampleRateHz, double q)
    {
        var w = 2 * Math.PI * hz / sampleRateHz;
        return (Math.Cos(w), Math.Sin(w) / (2 * q));
    }
}
