using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Suspected stroke: with a positive LVO scale inside the thrombectomy window, straight to a
/// thrombectomy centre when that delays thrombolysis (road ETA + door→needle) by no more than the
/// allowance over the nearest thrombolysis centre; otherwise the nearest centre that can give
/// thrombolysis in its window. A centre needs a working CT and no diversion.
/// </summary>
internal sealed class StrokeDecision(DestinationPolicyOptions options, DestinationQuery query,
    IReadOnlyList<HospitalSnapshot> hospitals, Func<string, double> etaMinutes)
{
    private const string AfterLyticWindow = "needle after the lytic window";

    public DestinationDecision Decide()
    {
        var lastKnownWell = query.Diagnosis?.LastKnownWell ?? query.SymptomOnset;
        var sinceWell = lastKnownWell is { } lkw ? Math.Max(0, (query.Now - lkw).TotalMinutes) : 0;
        var lvo = IsLvoPositive();
        var lyticWindow = options.LyticWindowHours * 60;
        var evtWindow = options.ThrombectomyWindowHours * 60;

        var lytic = new List<CandidateAssessment>();
        var evt = new List<CandidateAssessment>();
        var fallback = new List<CandidateAssessment>();
        foreach (var h in hospitals)
        {
            if ((h.Profile.Capabilities & (Capabilities.Thrombectomy | Capabilities.Thrombolysis | Capabilities.StrokeUnit | Capabilities.Ct)) == 0)
            {
                continue;
            }

            var eta = etaMinutes(h.Profile.Id);
            var unavailable = h.OnDiversion ? "on diversion" : !h.CtAvailable ? "CT down" : null;
            var needle = sinceWell + eta + (h.Profile.DoorToNeedleMinutes ?? options.DefaultStrokeDoorToNeedleMinutes);
            if (h.Profile.Can(Capabilities.Thrombectomy))
            {
                evt.Add(DestinationPolicy.Assess(h, eta, unavailable ?? (sinceWell + eta > evtWindow ? "arrival after the thrombectomy window" : null),
                    needle, "thrombectomy centre"));
            }

            if (h.Profile.Can(Capabilities.Thrombolysis | Capabilities.Ct))
            {
                lytic.Add(DestinationPolicy.Assess(h, eta, unavailable ?? (needle > lyticWindow ? AfterLyticWindow : null),
                    needle, "thrombolysis centre"));
            }
            else if (h.Profile.Can(Capabilities.StrokeUnit) || h.Profile.Can(Capabilities.Ct))
            {
                fallback.Add(DestinationPolicy.Assess(h, eta, h.OnDiversion ? "on diversion" : null, null, "stroke care without thrombolysis"));
            }
        }

        var all = lytic.Concat(evt.Where(e => lytic.All(l => l.HospitalId != e.HospitalId))).Concat(fallback).ToList();
        var nearestLytic = DestinationPolicy.Best(lytic, c => c.EtaMinutes!.Value);
        var bestEvt = lvo ? DestinationPolicy.Best(evt, c => c.ProjectedMinutes!.Value) : null;
        if (bestEvt is not null)
        {
            var delay = nearestLytic is null ? 0 : bestEvt.ProjectedMinutes!.Value - nearestLytic.ProjectedMinutes!.Value;
            if (delay <= options.ThrombectomyBypassAllowanceMinutes)
            {
                var why = nearestLytic is null
                    ? "suspected LVO: thrombectomy centre; no thrombolysis centre can treat in time"
                    : $"suspected LVO: thrombectomy centre delays thrombolysis by {Math.Max(0, delay):F0} min, within the {options.ThrombectomyBypassAllowanceMinutes:F0} min allowance";
                return DestinationPolicy.Decision(query, bestEvt, DestinationPlan.Thrombectomy, why, null, all, "onset_to_needle");
            }

            return DestinationPolicy.Decision(query, nearestLytic, DestinationPlan.Thrombolysis,
                $"suspected LVO, but the thrombectomy centre would delay thrombolysis by {delay:F0} min (allowance {options.ThrombectomyBypassAllowanceMinutes:F0}); nearest thrombolysis centre",
                bestEvt.HospitalId, all, "onset_to_needle");
        }

        if (nearestLytic is not null)
        {
            return DestinationPolicy.Decision(query, nearestLytic, DestinationPlan.Thrombolysis,
                $"nearest thrombolysis centre, projected onset→needle {nearestLytic.ProjectedMinutes:F0} min" + (lvo ? "" : "; LVO scale negative or not recorded"),
                null, all, "onset_to_needle");
        }

        var care = DestinationPolicy.Best(fallback.Concat(lytic.Where(l => l.EtaMinutes is not null && l.Note == AfterLyticWindow)
            .Select(l => l with { Eligible = true })), c => c.EtaMinutes!.Value);
        return care is null
            ? DestinationPolicy.Decision(query, null, DestinationPlan.NoReachableCentre, "no stroke-capable hospital is available and reachable", null, all, "eta")
            : DestinationPolicy.Decision(query, care, DestinationPlan.StrokeCare, "outside the treatment windows: nearest stroke-capable hospital", null, all, "eta");
    }

    private bool IsLvoPositive() =>
        query.Diagnosis is { LvoScale: { } scale, LvoScore: { } score } &&
        options.LvoThresholds.TryGetValue(scale, out var threshold) && score >= threshold;
}
