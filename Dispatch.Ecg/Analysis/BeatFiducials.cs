namespace Dispatch.Ecg.Analysis;

/// <summary>
/// QRS onset and end (the J point) on the median beats, from their spatial velocity (the summed
/// slope of the independent leads): the QRS is where it is high, the PR and ST segments where it
/// is low. Robust to one lead's shape, since all leads vote.
/// </summary>
public readonly record struct BeatFiducials(int Onset, int JPoint)
{
    public static BeatFiducials Find(MedianBeats beats, double sampleRateHz)
    {
        var velocity = new double[beats.Length];
        for (var t = 1; t < beats.Length; t++)
        {
            foreach (var lead in QrsDetector.IndependentLeads)
            {
                velocity[t] += Math.Abs(beats.Leads[lead][t] - beats.Leads[lead][t - 1]);
            }
        }

        var search = (int)(0.08 * sampleRateHz);
        var from = Math.Max(1, beats.Fiducial - search);
        var to = Math.Min(beats.Length - 1, beats.Fiducial + search);
        var peak = 0.0;
        for (var t = from; t <= to; t++)
        {
            peak = Math.Max(peak, velocity[t]);
        }

        var threshold = 0.12 * peak;
        var quiet = Math.Max(2, (int)(0.01 * sampleRateHz));
        var onset = beats.Fiducial;
        while (onset > quiet && !QuietBefore(velocity, onset, quiet, threshold))
        {
            onset--;
        }

        var j = beats.Fiducial;
        while (j < beats.Length - quiet - 1 && !QuietAfter(velocity, j, quiet, threshold))
        {
            j++;
        }

        // A QRS is 60-200 ms: outside that the velocity was fooled (noise or a flat lead set).
        var min = (int)(0.06 * sampleRateHz);
        var max = (int)(0.2 * sampleRateHz);
        if (j - onset < min)
        {
            j = onset + min;
        }
        else if (j - onset > max)
        {
            j = onset + max;
        }

        return new BeatFiducials(onset, j);
    }

    private static bool QuietBefore(double[] velocity, int at, int span, double threshold)
    {
        for (var t = at - span; t < at; t++)
        {
            if (velocity[t] > threshold)
            {
                return false;
            }
        }

        return true;
    }

    private static bool QuietAfter(double[] velocity, int at, int span, double threshold)
    {
        for (var t = at + 1; t <= at + span; t++)
        {
            if (velocity[t] > threshold)
            {
                return false;
            }
        }

        return true;
    }
}
