namespace Dispatch.Ecg.Synthesis;

/// <summary>Baseline wander (breathing and electrode motion), muscle noise, mains hum and motion bursts, per lead.</summary>
internal static class Noise
{
    public static void Add(double[][] leads, SyntheticEcgSpec spec, Random random)
    {
        var (wander, muscle, mains, bursts) = spec.Noise switch
        {
            NoiseLevel.None => (0.0, 0.0, 0.0, 0.0),
            NoiseLevel.Low => (0.05, 0.008, 0.005, 0.0),
            NoiseLevel.Ambulance => (0.3, 0.03, 0.02, 0.1),
            _ => (0.6, 0.06, 0.05, 0.3),
        };
        if (wander == 0 && muscle == 0)
        {
            return;
        }

        var fs = spec.SampleRateHz;
        var n = leads[0].Length;
        var breathing = 0.2 + 0.15 * random.NextDouble();
        foreach (var lead in leads)
        {
            var (a, b, c) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * 2 * Math.PI, random.NextDouble() * 2 * Math.PI);
            var share = 0.5 + random.NextDouble();
            for (var i = 0; i < n; i++)
            {
                var t = i / fs;
                lead[i] += wander * share * (0.6 * Math.Sin(2 * Math.PI * breathing * t + a) + 0.4 * Math.Sin(2 * Math.PI * 0.05 * t + b))
                    + muscle * SyntheticEcg.Gaussian(random)
                    + mains * Math.Sin(2 * Math.PI * spec.MainsHz * t + c);
            }
        }

        // A jolt of the vehicle: a short, large, smooth swing on every lead at once.
        var count = (int)(bursts * n / fs / 10 * 10 * random.NextDouble());
        for (var k = 0; k < count; k++)
        {
            var at = random.Next(n);
            var size = (0.5 + random.NextDouble()) * wander;
            var width = (int)(0.3 * fs);
            foreach (var lead in leads)
            {
                var sign = random.Next(2) == 0 ? -1 : 1;
                for (var i = Math.Max(0, at - width); i < Math.Min(n, at + width); i++)
                {
                    var x = (i - at) / (double)width;
                    lead[i] += sign * size * Math.Exp(-8 * x * x);
                }
            }
        }
    }
}
