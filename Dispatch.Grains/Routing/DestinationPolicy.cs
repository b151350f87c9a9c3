using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// The guideline destination policy (docs/routing.md). Pure: it gets road ETAs as a function,
/// so the same code runs on the precomputed index and on brute-force Dijkstra in tests.
/// Ties are broken by hospital id, so a decision is deterministic. Candidates are listed in the
/// order the hospitals come in (the directory keeps them by id). This runs for every call, so it
/// formats no text for candidates that are simply eligible.
/// </summary>
public sealed class DestinationPolicy(DestinationPolicyOptions options)
{
    public const string Name = "guideline";

    public DestinationDecision Decide(DestinationQuery query, IReadOnlyList<HospitalSnapshot> hospitals, Func<string, double> etaMinutes) =>
        PathwayOf(query) switch
        {
            Routing.Pathway.Stemi => new StemiDecision(options, query, hospitals, etaMinutes).Decide(),
            Routing.Pathway.Stroke => new StrokeDecision(options, query, hospitals, etaMinutes).Decide(),
            _ => NearestEmergency(query, hospitals, etaMinutes),
        };

    public static Pathway PathwayOf(DestinationQuery query) => query.Diagnosis?.Kind switch
    {
        DiagnosisKind.SuspectedStemi or DiagnosisKind.ConfirmedStemi => Routing.Pathway.Stemi,
        DiagnosisKind.SuspectedStroke => Routing.Pathway.Stroke,
        null when query.Complaint == Complaint.StrokeSymptoms => Routing.Pathway.Stroke,
        _ => Routing.Pathway.Other,
    };

    private static DestinationDecision NearestEmergency(DestinationQuery query, IReadOnlyList<HospitalSnapshot> hospitals,
        Func<string, double> etaMinutes)
    {
        var candidates = hospitals
            .Where(h => h.Profile.Can(Capabilities.Ct))
            .Select(h => Assess(h, etaMinutes(h.Profile.Id), h.OnDiversion ? "on diversion" : null, null))
            .ToList();
        var chosen = Best(candidates, c => c.EtaMinutes!.Value);
        return Decision(query, chosen, chosen is null ? DestinationPlan.NoReachableCentre : DestinationPlan.NearestEmergency,
            chosen is null ? "no hospital with an emergency department can be reached" : $"nearest emergency department, {chosen.EtaMinutes:F0} min away",
            null, candidates, "eta");
    }

    internal static CandidateAssessment Assess(HospitalSnapshot hospital, double eta, string? exclusion, double? projected, string? note = null)
    {
        var reachable = double.IsFinite(eta);
        var why = !reachable ? "no road leads there" : exclusion ?? note ?? "eligible";
        return new CandidateAssessment(hospital.Profile.Id, hospital.Profile.Name, reachable ? Math.Round(eta, 2) : null,
            reachable && projected is { } p ? Math.Round(p, 2) : null, reachable && exclusion is null, why);
    }

    /// <summary>The eligible candidate with the smallest key; ties go to the smaller hospital id.</summary>
    internal static CandidateAssessment? Best(IEnumerable<CandidateAssessment> candidates, Func<CandidateAssessment, double> key)
    {
        CandidateAssessment? best = null;
        var bestKey = double.PositiveInfinity;
        foreach (var candidate in candidates)
        {
            if (!candidate.Eligible)
            {
                continue;
            }

            var k = key(candidate);
            if (best is null || k < bestKey || (k == bestKey && string.CompareOrdinal(candidate.HospitalId, best.HospitalId) < 0))
            {
                best = candidate;
                bestKey = k;
            }
        }

        return best;
    }

    internal static DestinationDecision Decision(DestinationQuery query, CandidateAssessment? chosen, DestinationPlan plan, string reason,
        string? onward, IEnumerable<CandidateAssessment> candidates, string metric) =>
        new(chosen?.HospitalId, plan, reason, chosen?.EtaMinutes, onward, [.. candidates], query.Now, Name, metric);
}
