using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Routing;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Routing;

/// <summary>The policy's rules on hand-set ETAs, each case worked out by hand.</summary>
public sealed class DestinationPolicyTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly DestinationPolicy Policy = new(new DestinationPolicyOptions());

    private static readonly HospitalProfile PciNear = Hospital("pci-near", Capabilities.Pci | Capabilities.Thrombolysis | Capabilities.Ct, 2, d2d: 60);
    private static readonly HospitalProfile PciFar = Hospital("pci-far", Capabilities.Pci | Capabilities.Ct, 1, d2d: 50);
    private static readonly HospitalProfile County = Hospital("county", Capabilities.Thrombolysis | Capabilities.Ct, 0, d2n: 45);
    private static readonly HospitalProfile Evt = Hospital("evt", Capabilities.Thrombectomy | Capabilities.Thrombolysis | Capabilities.Ct, 0, d2n: 40);
    private static readonly HospitalProfile Village = Hospital("village", Capabilities.None, 0, level: HospitalLevel.Village);

    [Fact]
    public void Stemi_PciCentreWithinLimit_IsPrimaryPci_WithTheSmallestProjectedFmcToDevice()
    {
        var decision = Stemi(Etas(("pci-near", 30), ("pci-far", 45), ("county", 10)), sinceContact: 15);

        Assert.Equal(("pci-near", DestinationPlan.PrimaryPci), (decision.HospitalId, decision.Plan));
        Assert.Equal(105, Candidate(decision, "pci-near").ProjectedMinutes);
        Assert.Equal(110, Candidate(decision, "pci-far").ProjectedMinutes);
        Assert.Equal("primary PCI: projected FMC→device 105 min, within 120", decision.Reason);
    }

    [Fact]
    public void Stemi_AllCathLabsBusy_SkipsTheCentreAndSaysWhy()
    {
        var decision = Stemi(Etas(("pci-near", 30), ("pci-far", 45), ("county", 10)), busyLabs: ("pci-near", 2));

        Assert.Equal("pci-far", decision.HospitalId);
        Assert.False(Candidate(decision, "pci-near").Eligible);
        Assert.Equal("all 2 cath labs busy", Candidate(decision, "pci-near").Note);
    }

    [Fact]
    public void Stemi_NoPciWithinLimit_DripsAndShipsWithOnwardTransferPlanned()
    {
        var decision = Stemi(Etas(("pci-near", 70), ("pci-far", 90), ("county", 12)), sinceContact: 0);

        Assert.Equal(("county", DestinationPlan.DripAndShip, "pci-near"), (decision.HospitalId, decision.Plan, decision.OnwardHospitalId));
        Assert.Equal(("projected FMC→device exceeds the limit", 130.0), (Candidate(decision, "pci-near").Note, Candidate(decision, "pci-near").ProjectedMinutes));
        Assert.Equal(57, Candidate(decision, "county").ProjectedMinutes);
    }

    [Fact]
    public void Stemi_TimeSinceFirstContactCounts()
    {
        var decision = Stemi(Etas(("pci-near", 30), ("pci-far", 150), ("county", 12)), sinceContact: 35);

        Assert.Equal(DestinationPlan.DripAndShip, decision.Plan);
        Assert.Equal(125, Candidate(decision, "pci-near").ProjectedMinutes);
    }

    [Fact]
    public void Stemi_DiversionExcludes()
    {
        var decision = Stemi(Etas(("pci-near", 20), ("pci-far", 40), ("county", 5)), diversion: "pci-near");

        Assert.Equal("pci-far", decision.HospitalId);
        Assert.Equal("on diversion", Candidate(decision, "pci-near").Note);
    }

    [Fact]
    public void Stroke_LvoWithinAllowance_BypassesToThrombectomy()
    {
        // Thrombectomy centre: 30 + 40 = 70 min to needle; county: 20 + 45 = 65. 5 min extra ≤ 15.
        var decision = Stroke(Etas(("evt", 30), ("county", 20), ("pci-near", 60)), "RACE", 6);

        Assert.Equal(("evt", DestinationPlan.Thrombectomy), (decision.HospitalId, decision.Plan));
        Assert.Equal("suspected LVO: thrombectomy centre delays thrombolysis by 5 min, within the 15 min allowance", decision.Reason);
    }

    [Fact]
    public void Stroke_LvoBeyondAllowance_GoesToTheNearestThrombolysisCentre()
    {
        var decision = Stroke(Etas(("evt", 50), ("county", 20), ("pci-near", 60)), "FAST-ED", 5);

        Assert.Equal(("county", DestinationPlan.Thrombolysis, "evt"), (decision.HospitalId, decision.Plan, decision.OnwardHospitalId));
        Assert.StartsWith("suspected LVO, but the thrombectomy centre would delay thrombolysis by 25 min", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stroke_NegativeScale_GoesToTheNearestThrombolysisCentre()
    {
        var decision = Stroke(Etas(("evt", 25), ("county", 20), ("pci-near", 60)), "RACE", 4);

        Assert.Equal(("county", DestinationPlan.Thrombolysis), (decision.HospitalId, decision.Plan));
    }

    [Fact]
    public void Stroke_CtDown_IsSkipped()
    {
        var decision = Stroke(Etas(("evt", 25), ("county", 20), ("pci-near", 60)), "RACE", 2, ctDown: "county");

        Assert.Equal("evt", decision.HospitalId);
        Assert.Equal("CT down", Candidate(decision, "county").Note);
    }

    [Fact]
    public void Stroke_PastTheLyticWindow_LvoStillGoesToThrombectomy()
    {
        var decision = Stroke(Etas(("evt", 40), ("county", 10), ("pci-near", 60)), "RACE", 7, lastKnownWellMinutesAgo: 250);

        Assert.Equal(("evt", DestinationPlan.Thrombectomy), (decision.HospitalId, decision.Plan));
        Assert.Equal("needle after the lytic window", Candidate(decision, "county").Note);
    }

    [Fact]
    public void Other_GoesToTheNearestEmergencyDepartment()
    {
        var query = new DestinationQuery(new GeoPoint(38, 114), Complaint.Other, null, Now);

        var decision = Policy.Decide(query, Snapshots(), Etas(("pci-near", 30), ("county", 12), ("evt", 8), ("village", 1)));

        Assert.Equal(("evt", DestinationPlan.NearestEmergency), (decision.HospitalId, decision.Plan));
    }

    [Fact]
    public void Naive_TakesTheNearestNonVillageHospital_WhateverItsStatus()
    {
        var query = new DestinationQuery(new GeoPoint(38, 114), Complaint.ChestPain, new Diagnosis(DiagnosisKind.SuspectedStemi), Now);

        var decision = NaiveNearestPolicy.Decide(query, Snapshots(busyLabs: ("pci-near", 2)), Etas(("pci-near", 9), ("county", 12), ("village", 1)));

        Assert.Equal(("pci-near", NaiveNearestPolicy.Name), (decision.HospitalId, decision.Policy));
    }

    [Fact]
    public void Unreachable_CentresAreNotCandidates()
    {
        var decision = Stemi(Etas(("pci-far", 40)));

        Assert.Equal("pci-far", decision.HospitalId);
        Assert.Equal(("no road leads there", false), (Candidate(decision, "pci-near").Note, Candidate(decision, "pci-near").Eligible));
    }

    private static DestinationDecision Stemi(Func<string, double> etas, double sinceContact = 0, (string Id, int Busy)? busyLabs = null,
        string? diversion = null) =>
        Policy.Decide(new DestinationQuery(new GeoPoint(38, 114), Complaint.ChestPain, new Diagnosis(DiagnosisKind.SuspectedStemi), Now,
            Now.AddMinutes(-sinceContact)), Snapshots(busyLabs, diversion), etas);

    private static DestinationDecision Stroke(Func<string, double> etas, string scale, int score, string? ctDown = null,
        double lastKnownWellMinutesAgo = 60) =>
        Policy.Decide(new DestinationQuery(new GeoPoint(38, 114), Complaint.StrokeSymptoms,
            new Diagnosis(DiagnosisKind.SuspectedStroke, scale, score, Now.AddMinutes(-lastKnownWellMinutesAgo)), Now),
            Snapshots(ctDown: ctDown), etas);

    private static List<HospitalSnapshot> Snapshots((string Id, int Busy)? busyLabs = null, string? diversion = null, string? ctDown = null) =>
        [.. new[] { PciNear, PciFar, County, Evt, Village }.Select(h => new HospitalSnapshot(h,
            busyLabs?.Id == h.Id ? busyLabs.Value.Busy : 0, h.Can(Capabilities.Ct) && ctDown != h.Id, diversion == h.Id, [], null))];

    private static Func<string, double> Etas(params (string Id, double Minutes)[] etas) =>
        id => etas.Where(e => e.Id == id).Select(e => e.Minutes).DefaultIfEmpty(double.PositiveInfinity).First();

    private static CandidateAssessment Candidate(DestinationDecision decision, string id) => decision.Candidates.Single(c => c.HospitalId == id);

    private static HospitalProfile Hospital(string id, Capabilities capabilities, int labs, double? d2d = null, double? d2n = null,
        HospitalLevel level = HospitalLevel.City) =>
        new(id, id, level, capabilities, labs, new GeoPoint(38, 114), d2d, d2n);
}
