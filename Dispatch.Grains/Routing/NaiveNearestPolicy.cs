using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// The baseline the drills compare against: the nearest hospital by road that takes emergencies
/// (any tier above village clinic), whatever its capabilities and live status.
/// </summary>
public static class NaiveNearestPolicy
{
    public const string Name = "naive-nearest";

    public static DestinationDecision Decide(DestinationQuery query, IReadOnlyList<HospitalSnapshot> hospitals, Func<string, double> etaMinutes)
    {
        var candidates = hospitals
            .Where(h => h.Profile.Level != HospitalLevel.Village)
            .Select(h => DestinationPolicy.Assess(h, etaMinutes(h.Profile.Id), null, null))
            .ToList();
        var chosen = DestinationPolicy.Best(candidates, c => c.EtaMinutes!.Value);
        return DestinationPolicy.Decision(query, chosen, chosen is null ? DestinationPlan.NoReachableCentre : DestinationPlan.NearestEmergency,
            chosen is null ? "no hospital reachable" : "nearest hospital by road", null, candidates, "eta") with { Policy = Name };
    }
}
