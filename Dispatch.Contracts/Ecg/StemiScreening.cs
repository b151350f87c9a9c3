using System.Collections.Immutable;

namespace Dispatch.Contracts.Ecg;

/// <summary>
/// The automated STEMI screen of one analysed window: suspected or not, and the evidence a reader
/// checks. Wide-QRS and paced rhythms confound the ST segment: they are flagged and never called STEMI.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.StemiScreening")]
public sealed record StemiScreening(
    [property: Id(0)] bool Suspected,
    [property: Id(1)] ImmutableArray<Territory> Territories,
    [property: Id(2)] ImmutableArray<LeadMeasure> Elevation,
    [property: Id(3)] ImmutableArray<LeadMeasure> ReciprocalDepression,
    [property: Id(4)] bool PosteriorHint,
    [property: Id(5)] ImmutableArray<string> Confounders)
{
    /// <summary>One line for a screen: "suspected anterior STEMI: V2 3.1 mm, V3 2.8 mm; reciprocal II -0.8 mm".</summary>
    public string Summary()
    {
        static string Leads(ImmutableArray<LeadMeasure> leads) =>
            string.Join(", ", leads.Select(l => FormattableString.Invariant($"{l.Lead} {l.Millimetres:F1} mm")));

        if (!Confounders.IsEmpty)
        {
            return $"not interpretable for STEMI: {string.Join(", ", Confounders)}";
        }

        if (!Suspected)
        {
            return PosteriorHint ? "no ST elevation; ST depression in V1-V3 may be posterior MI" : "no STEMI criteria met";
        }

        var summary = $"suspected {string.Join(" and ", Territories.Select(t => t.ToString().ToLowerInvariant()))} STEMI: {Leads(Elevation)}";
        return ReciprocalDepression.IsEmpty ? summary : $"{summary}; reciprocal {Leads(ReciprocalDepression)}";
    }
}
