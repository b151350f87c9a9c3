using System.Collections.Immutable;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;
using static Dispatch.Contracts.Ecg.EcgLead;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// The Fourth Universal Definition of MI (2018) on measured ST levels: new ST elevation at J in two
/// contiguous leads, ≥ 1 mm except V2–V3 (≥ 2 mm men ≥ 40, ≥ 2.5 mm men &lt; 40, ≥ 1.5 mm women).
/// Reciprocal depression and a posterior hint (ST depression ≥ 0.5 mm in V1–V3) are reported beside.
/// </summary>
public static class StemiCriteria
{
    public static readonly ImmutableDictionary<Territory, EcgLead[]> Groups = new Dictionary<Territory, EcgLead[]>
    {
        [Territory.Anterior] = [V1, V2, V3, V4],
        [Territory.Inferior] = [II, III, AVF],
        [Territory.Lateral] = [I, AVL, V5, V6],
    }.ToImmutableDictionary();

    /// <summary>Where an infarct in a territory shows as a mirror image.</summary>
    public static readonly ImmutableDictionary<Territory, EcgLead[]> Reciprocal = new Dictionary<Territory, EcgLead[]>
    {
        [Territory.Anterior] = [II, III, AVF],
        [Territory.Inferior] = [I, AVL],
        [Territory.Lateral] = [III, AVF],
    }.ToImmutableDictionary();

    public const double ReciprocalMillimetres = -0.5;

    public static double ThresholdMillimetres(EcgLead lead, PatientContext patient) => lead switch
    {
        V2 or V3 => patient.Sex switch
        {
            PatientSex.Male when patient.Age is < 40 => 2.5,
            PatientSex.Male => 2.0,
            _ => 1.5,
        },
        _ => 1.0,
    };

    public static StemiScreening Screen(IReadOnlyList<LeadMeasure> stLevels, PatientContext patient, IReadOnlyList<string> confounders)
    {
        var st = stLevels.ToDictionary(m => m.Lead, m => m.Millimetres);
        var territories = new List<Territory>();
        var elevation = new List<LeadMeasure>();
        foreach (var (territory, leads) in Groups.OrderBy(g => g.Key))
        {
            var elevated = leads.Where(l => st[l] >= ThresholdMillimetres(l, patient)).ToList();
            if (elevated.Count >= 2)
            {
                territories.Add(territory);
                elevation.AddRange(elevated.Select(l => new LeadMeasure(l, Math.Round(st[l], 1))));
            }
        }

        var reciprocal = territories.SelectMany(t => Reciprocal[t]).Distinct()
            .Where(l => st[l] <= ReciprocalMillimetres && !elevation.Any(e => e.Lead == l))
            .Select(l => new LeadMeasure(l, Math.Round(st[l], 1)))
            .ToImmutableArray();
        var posterior = new[] { V1, V2, V3 }.Count(l => st[l] <= ReciprocalMillimetres) >= 2 && !territories.Contains(Territory.Anterior);
        var suspected = territories.Count > 0 && confounders.Count == 0;
        return new StemiScreening(suspected, suspected ? [.. territories] : [], suspected ? [.. elevation] : [], suspected ? reciprocal : [],
            posterior && confounders.Count == 0, [.. confounders]);
    }
}
