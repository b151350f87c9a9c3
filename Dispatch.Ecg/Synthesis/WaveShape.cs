namespace Dispatch.Ecg.Synthesis;

/// <summary>
/// One lead's beat as a sum of Gaussian waves (P, Q, R, S, T), in the manner of McSharry et al.'s
/// ECGSYN: amplitudes in mV, centres and widths in seconds from the R peak. T moves with the RR
/// interval (QT shortens as the rate rises, roughly with √RR).
/// </summary>
internal sealed class WaveShape
{
    public double P, Q, R, S, T;
    public double QrsWidth = 1;
    public double SecondR;
    public double St;
    public double JNotch;

    public WaveShape(double p, double q, double r, double s, double t) => (P, Q, R, S, T) = (p, q, r, s, t);

    public double At(double sinceR, double rr)
    {
        var qt = Math.Sqrt(rr);
        var w = QrsWidth;
        var v = Gauss(sinceR, -0.16 * Math.Min(1.2, qt), 0.022, P)
            + Gauss(sinceR, -0.028 * w, 0.008 * w, Q)
            + Gauss(sinceR, 0, 0.0095 * w, R)
            + Gauss(sinceR, 0.03 * w, 0.009 * w, S)
            + Gauss(sinceR, 0.045 * w, 0.01 * w, SecondR)
            + Gauss(sinceR, 0.27 * qt, 0.048 * qt, T);
        var j = 0.035 * w + 0.012;
        if (St != 0)
        {
            // The ST segment: up (or down) from the J point, held to the T wave, merging into it.
            v += St * Logistic((sinceR - j) / 0.005) * Logistic((0.27 * qt + 0.09 - sinceR) / 0.025);
        }

        if (JNotch != 0)
        {
            v += Gauss(sinceR, j, 0.006, JNotch);
        }

        return v;
    }

    private static double Gauss(double t, double centre, double width, double amplitude) =>
        amplitude == 0 ? 0 : amplitude * Math.Exp(-(t - centre) * (t - centre) / (2 * width * width));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
