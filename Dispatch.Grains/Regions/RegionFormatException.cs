namespace Dispatch.Grains.Regions;

/// <summary>A region file that cannot be loaded; the message names the feature, the field and the problem.</summary>
public sealed class RegionFormatException : Exception
{
    public RegionFormatException(int? featureIndex, string? field, string problem)
        : base(Describe(featureIndex, field, problem))
    {
        FeatureIndex = featureIndex;
        Field = field;
        Problem = problem;
    }

    public RegionFormatException()
    {
    }

    public RegionFormatException(string message)
        : base(message)
    {
    }

    public RegionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The zero-based index in the <c>features</c> array, or null for the file as a whole.</summary>
    public int? FeatureIndex { get; }

    public string? Field { get; }

    public string? Problem { get; }

    private static string Describe(int? featureIndex, string? field, string problem) =>
        (featureIndex, field) switch
        {
            (null, null) => problem,
            (null, _) => $"{field}: {problem}",
            (_, null) => $"feature {featureIndex}: {problem}",
            _ => $"feature {featureIndex}: {field}: {problem}",
        };
}
