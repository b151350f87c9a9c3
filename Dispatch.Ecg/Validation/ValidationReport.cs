using System.Globalization;
using Dispatch.Ecg.Synthesis;

namespace Dispatch.Ecg.Validation;

/// <summary>Sensitivity and specificity of the STEMI screen, and QRS detection, over a labelled generated set.</summary>
public sealed record ValidationReport(NoiseLevel Noise, IReadOnlyList<ValidationCase> Cases)
{
    public IEnumerable<ValidationCase> Stemi => Cases.Where(c => c.Spec.Condition == EcgCondition.Stemi);

    /// <summary>Everything that is not STEMI by the elevation criteria; posterior MI is reported on its own.</summary>
    public IEnumerable<ValidationCase> NotStemi => Cases.Where(c => c.Spec.Condition is not (EcgCondition.Stemi or EcgCondition.PosteriorMi));

    public double Sensitivity => Share(Stemi, c => c.Flagged);

    public double TerritoryAccuracy => Share(Stemi.Where(c => c.Flagged), c => c.RightTerritory);

    public double Specificity => Share(NotStemi, c => !c.Flagged);

    public double QrsSensitivity => (double)Cases.Sum(c => c.BeatsFound) / Cases.Sum(c => c.TrueBeats);

    public double QrsPositivePredictiveValue => (double)Cases.Sum(c => c.BeatsFound) / (Cases.Sum(c => c.BeatsFound) + Cases.Sum(c => c.FalseBeats));

    public string ToMarkdown()
    {
        var lines = new List<string>
        {
            $"Noise: {Noise}; {Cases.Count} ECGs ({Stemi.Count()} STEMI, {NotStemi.Count()} not STEMI, {Cases.Count(c => c.Spec.Condition == EcgCondition.PosteriorMi)} posterior)",
            "",
            "| | value |",
            "|---|---|",
            Row("STEMI sensitivity", Sensitivity),
            Row("right territory (of those flagged)", TerritoryAccuracy),
            Row("specificity", Specificity),
            Row("QRS sensitivity", QrsSensitivity),
            Row("QRS positive predictive value", QrsPositivePredictiveValue),
            "",
            "| condition | ECGs | flagged STEMI | confounder flagged | posterior hint |",
            "|---|---|---|---|---|",
        };
        foreach (var group in Cases.GroupBy(c => c.Spec.Condition).OrderBy(g => g.Key))
        {
            lines.Add($"| {group.Key} | {group.Count()} | {group.Count(c => c.Flagged)} | {group.Count(c => c.Confounded)} | {group.Count(c => c.PosteriorHint)} |");
        }

        lines.AddRange(["", "| STEMI size | ECGs | flagged |", "|---|---|---|"]);
        foreach (var size in Stemi.GroupBy(c => Math.Min(3, (int)c.Spec.StElevationMm)).OrderBy(g => g.Key))
        {
            lines.Add($"| {size.Key}-{size.Key + 1} mm | {size.Count()} | {size.Count(c => c.Flagged)} |");
        }

        return string.Join('\n', lines);
    }

    private static string Row(string name, double share) => string.Create(CultureInfo.InvariantCulture, $"| {name} | {share * 100:F1} % |");

    private static double Share(IEnumerable<ValidationCase> cases, Func<ValidationCase, bool> hit)
    {
        var list = cases.ToList();
        return list.Count == 0 ? double.NaN : (double)list.Count(hit) / list.Count;
    }
}
