using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// STEMI: the PCI centre with the shortest projected FMC→device (time since FMC + road ETA +
/// door→device) if within the limit; otherwise the nearest thrombolysis site with onward
/// transfer to PCI planned (drip and ship). Thrombolysis sites are only assessed (and listed)
/// when no PCI centre qualifies.
/// </summary>
internal sealed class StemiDecision(DestinationPolicyOptions options, DestinationQuery query,
    IReadOnlyList<HospitalSnapshot> hospitals, Func<string, double> etaMinutes)
{
    /// <summary>The note of a PCI centre that is available but too far for the FMC→device limit.</summary>
    public const string OverLimit = "projected FMC→device exceeds the limit";

    private readonly double _sinceContact = query.FirstMedicalContact is { } fmc ? Math.Max(0, (query.Now - fmc).TotalMinutes) : 0;

    public DestinationDecision Decide()
    {
        var limit = options.StemiFmcToDeviceLimitMinutes;
        var pci = AssessPciCentres(limit);
        var primary = DestinationPolicy.Best(pci, c => c.ProjectedMinutes!.Value);
        if (primary is not null)
        {
            return DestinationPolicy.Decision(query, primary, DestinationPlan.PrimaryPci,
                $"primary PCI: projected FMC→device {primary.ProjectedMinutes:F0} min, within {limit:F0}", null, pci, "fmc_to_device");
        }

        // Centres whose only problem is the time limit can still take the patient onward.
        var onward = DestinationPolicy.Best(pci.Where(c => c.Note == OverLimit).Select(c => c with { Eligible = true }),
            c => c.ProjectedMinutes!.Value);
        var lytic = AssessThrombolysisSites();
        var all = pci.Concat(lytic).ToList();
        var site = DestinationPolicy.Best(lytic, c => c.EtaMinutes!.Value);
        if (site is not null)
        {
            var reason = $"drip and ship: no PCI centre can reach device within {limit:F0} min; fibrinolysis at {site.HospitalName} " +
                $"({site.EtaMinutes:F0} min away)" + (onward is null ? ", no PCI centre available for transfer" : $", then transfer to {onward.HospitalName}");
            return DestinationPolicy.Decision(query, site, DestinationPlan.DripAndShip, reason, onward?.HospitalId, all, "fmc_to_needle");
        }

        if (onward is not null)
        {
            return DestinationPolicy.Decision(query, onward, DestinationPlan.PciBeyondTarget,
                $"no fibrinolysis site reachable; best PCI centre at projected FMC→device {onward.ProjectedMinutes:F0} min",
                null, all, "fmc_to_device");
        }

        return DestinationPolicy.Decision(query, null, DestinationPlan.NoReachableCentre,
            "no PCI centre or fibrinolysis site is available and reachable", null, all, "fmc_to_device");
    }

    private List<CandidateAssessment> AssessPciCentres(double limit)
    {
        var pci = new List<CandidateAssessment>();
        foreach (var h in hospitals)
        {
            if (!h.Profile.Can(Capabilities.Pci))
            {
                continue;
            }

            var eta = etaMinutes(h.Profile.Id);
            var projected = _sinceContact + eta + (h.Profile.DoorToDeviceMinutes ?? options.DefaultDoorToDeviceMinutes);
            var exclusion = h.OnDiversion ? "on diversion"
                : h.AllCathLabsBusy ? $"all {h.Profile.CathLabs} cath labs busy"
                : projected > limit ? OverLimit
                : null;
            pci.Add(DestinationPolicy.Assess(h, eta, exclusion, projected, "PCI centre within the FMC→device limit"));
        }

        return pci;
    }

    /// <summary>
    /// The nearest available thrombolysis sites (a region has dozens of township sites; the decision
    /// lists the few that could matter), plus any nearer one that is on diversion, so that a skipped
    /// site still shows why. Plain loops: this runs for every drip-and-ship decision.
    /// </summary>
    private List<CandidateAssessment> AssessThrombolysisSites()
    {
        var nearest = new List<(double Eta, HospitalSnapshot Hospital)>(ListedThrombolysisSites + 4);
        var available = 0;
        foreach (var h in hospitals)
        {
            if (h.Profile.Can(Capabilities.Pci) || !h.Profile.Can(Capabilities.Thrombolysis))
            {
                continue;
            }

            var eta = etaMinutes(h.Profile.Id);
            if (!double.IsFinite(eta) || (available == ListedThrombolysisSites && eta >= nearest[^1].Eta))
            {
                continue;
            }

            var at = nearest.Count;
            while (at > 0 && nearest[at - 1].Eta > eta)
            {
                at--;
            }

            nearest.Insert(at, (eta, h));
            available += h.OnDiversion ? 0 : 1;
            while (available > ListedThrombolysisSites)
            {
                var last = nearest.Count - 1;
                available -= nearest[last].Hospital.OnDiversion ? 0 : 1;
                nearest.RemoveAt(last);
            }
        }

        var sites = new List<CandidateAssessment>(nearest.Count);
        foreach (var (eta, h) in nearest)
        {
            sites.Add(DestinationPolicy.Assess(h, eta, h.OnDiversion ? "on diversion" : null,
                _sinceContact + eta + (h.Profile.DoorToNeedleMinutes ?? options.DefaultStemiDoorToNeedleMinutes), "fibrinolysis site"));
        }

        return sites;
    }

    private const int ListedThrombolysisSites = 5;
}
