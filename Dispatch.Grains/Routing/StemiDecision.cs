using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// STEMI: the PCI centre with the shortest projected FMC→device (time since FMC + road ETA +
/// door→device) if within the limit; otherwise the nearest thrombolysis site with onward
/// transfer to PCI planned (drip and ship).
/// </summary>
internal sealed class StemiDecision(DestinationPolicyOptions options, DestinationQuery query,
    IReadOnlyList<HospitalSnapshot> hospitals, Func<string, double> etaMinutes)
{
    public DestinationDecision Decide()
    {
        var sinceContact = query.FirstMedicalContact is { } fmc ? Math.Max(0, (query.Now - fmc).TotalMinutes) : 0;
        var limit = options.StemiFmcToDeviceLimitMinutes;
        var pci = new List<CandidateAssessment>();
        var lytic = new List<CandidateAssessment>();
        foreach (var h in hospitals)
        {
            var eta = etaMinutes(h.Profile.Id);
            if (h.Profile.Can(Capabilities.Pci))
            {
                var projected = sinceContact + eta + (h.Profile.DoorToDeviceMinutes ?? options.DefaultDoorToDeviceMinutes);
                var exclusion = h.OnDiversion ? "on diversion"
                    : h.AllCathLabsBusy ? $"all {h.Profile.CathLabs} cath labs busy"
                    : projected > limit ? $"projected FMC→device {projected:F0} min exceeds {limit:F0}"
                    : null;
                pci.Add(DestinationPolicy.Assess(h, eta, exclusion, projected, $"projected FMC→device {projected:F0} min"));
            }
            else if (h.Profile.Can(Capabilities.Thrombolysis))
            {
                var projected = sinceContact + eta + (h.Profile.DoorToNeedleMinutes ?? options.DefaultStemiDoorToNeedleMinutes);
                lytic.Add(DestinationPolicy.Assess(h, eta, h.OnDiversion ? "on diversion" : null, projected,
                    $"fibrinolysis site, projected FMC→needle {projected:F0} min"));
            }
        }

        var all = pci.Concat(lytic).ToList();
        var primary = DestinationPolicy.Best(pci, c => c.ProjectedMinutes!.Value);
        if (primary is not null)
        {
            return DestinationPolicy.Decision(query, primary, DestinationPlan.PrimaryPci,
                $"primary PCI: projected FMC→device {primary.ProjectedMinutes:F0} min, within {limit:F0}", null, all, "fmc_to_device");
        }

        // Centres whose only problem is the time limit can still take the patient onward.
        var onward = pci.Where(c => c.EtaMinutes is not null && c.Note.StartsWith("projected", StringComparison.Ordinal))
            .OrderBy(c => c.ProjectedMinutes).ThenBy(c => c.HospitalId, StringComparer.Ordinal).FirstOrDefault();
        var site = DestinationPolicy.Best(lytic, c => c.EtaMinutes!.Value);
        if (site is not null)
        {
            var reason = $"drip and ship: no PCI centre can reach device within {limit:F0} min; fibrinolysis at {site.HospitalName} " +
                $"({site.EtaMinutes:F0} min away)" + (onward is null ? ", no PCI centre available for transfer" : $", then transfer to {onward.HospitalName}");
            return DestinationPolicy.Decision(query, site, DestinationPlan.DripAndShip, reason, onward?.HospitalId, all, "fmc_to_needle");
        }

        if (onward is not null)
        {
            var chosen = onward with { Eligible = true };
            return DestinationPolicy.Decision(query, chosen, DestinationPlan.PciBeyondTarget,
                $"no fibrinolysis site reachable; best PCI centre at projected FMC→device {onward.ProjectedMinutes:F0} min",
                null, all, "fmc_to_device");
        }

        return DestinationPolicy.Decision(query, null, DestinationPlan.NoReachableCentre,
            "no PCI centre or fibrinolysis site is available and reachable", null, all, "fmc_to_device");
    }
}
