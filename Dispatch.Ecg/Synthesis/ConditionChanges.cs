using Dispatch.Contracts.Ecg;

namespace Dispatch.Ecg.Synthesis;

/// <summary>
/// How each condition changes the beat. ST vectors are given for the independent leads (I, II,
/// V1-V6) so that the derived limb leads show what they would: an inferior infarct raises II, III
/// and aVF and mirrors in aVL; a lateral one raises I and aVL and mirrors in III.
/// </summary>
internal static class ConditionChanges
{
    // ST per mm of elevation, in mV, for I, II, V1, V2, V3, V4, V5, V6 (lead index order below).
    private static readonly int[] Leads = [0, 1, 6, 7, 8, 9, 10, 11];

    private static readonly Dictionary<Territory, double[]> StVectors = new()
    {
        [Territory.Anterior] = [0.10, -0.25, 0.6, 1.0, 1.0, 0.8, 0.3, 0.0],
        [Territory.Inferior] = [-0.10, 0.90, 0.0, -0.2, -0.1, 0.0, 0.1, 0.2],
        [Territory.Lateral] = [1.00, 0.35, -0.2, -0.1, 0.0, 0.3, 0.8, 0.9],
    };

    public static void Apply(SyntheticEcgSpec spec, Dictionary<int, WaveShape> shapes, Random random)
    {
        switch (spec.Condition)
        {
            case EcgCondition.Stemi:
                var vector = StVectors[spec.Territory];
                for (var i = 0; i < Leads.Length; i++)
                {
                    var st = vector[i] * spec.StElevationMm / 10 * (0.85 + 0.3 * random.NextDouble());
                    var shape = shapes[Leads[i]];
                    shape.St += st;
                    // Hyperacute T where the ST rises; a smaller T where it falls.
                    shape.T += 0.6 * st;
                }

                break;
            case EcgCondition.WideQrs or EcgCondition.Paced:
                Widen(shapes, random);
                break;
            case EcgCondition.EarlyRepolarisation:
                var j = 0.05 + 0.1 * random.NextDouble();
                foreach (var (lead, share) in new[] { (7, 1.0), (8, 1.0), (9, 0.8), (10, 0.6), (11, 0.3) })
                {
                    shapes[lead].St += j * share;
                    shapes[lead].JNotch += 0.05 * share;
                    shapes[lead].T *= 1.3;
                }

                break;
            case EcgCondition.PosteriorMi:
                var depression = (0.08 + 0.1 * random.NextDouble()) * spec.StElevationMm / 2.5;
                foreach (var (lead, share) in new[] { (6, 0.7), (7, 1.0), (8, 0.9), (9, 0.4) })
                {
                    shapes[lead].St -= depression * share;
                }

                shapes[7].R *= 1.8;
                shapes[7].S *= 0.5;
                break;
        }
    }

    /// <summary>Left-bundle-branch-block-like: a slow, wide QRS; deep broad S with ST up in V1-V3, broad notched R with ST down and T inverted on the left.</summary>
    private static void Widen(Dictionary<int, WaveShape> shapes, Random random)
    {
        foreach (var shape in shapes.Values)
        {
            shape.QrsWidth = 2.4 + 0.6 * random.NextDouble();
            shape.Q = 0;
        }

        foreach (var lead in new[] { 6, 7, 8 })
        {
            shapes[lead].R *= 0.3;
            shapes[lead].S = -1.6 - 0.4 * random.NextDouble();
            shapes[lead].St += 0.12 + 0.1 * random.NextDouble();
            shapes[lead].T = Math.Abs(shapes[lead].T) + 0.2;
        }

        foreach (var lead in new[] { 0, 10, 11 })
        {
            shapes[lead].SecondR = shapes[lead].R * 0.8;
            shapes[lead].S = 0;
            shapes[lead].St -= 0.08;
            shapes[lead].T = -Math.Abs(shapes[lead].T);
        }
    }
}
