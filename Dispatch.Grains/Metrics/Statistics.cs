namespace Dispatch.Grains.Metrics;

/// <summary>Figures over a set of values that the engine and the simulator both report.</summary>
public static class Statistics
{
    /// <summary>The middle value, or the mean of the middle two for an even count; none for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count switch
        {
            0 => null,
            var n when n % 2 == 1 => sorted[middle],
            _ => (sorted[middle - 1] + sorted[middle]) / 2,
        };
    }
}
