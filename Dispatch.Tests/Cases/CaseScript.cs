using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;
using Dispatch.Grains.Cases;

namespace Dispatch.Tests.Cases;

/// <summary>Drives one case through the pure lifecycle with a clock that only moves when told.</summary>
internal sealed class CaseScript
{
    public static readonly DateTimeOffset CallTime = new(2026, 3, 14, 2, 0, 0, TimeSpan.Zero);
    public static readonly GeoPoint Scene = new(38.05, 114.52);

    private int _commands;

    public CaseState State { get; } = new();

    public DateTimeOffset Now { get; private set; } = CallTime;

    public static CaseScript Call(Complaint complaint = Complaint.ChestPain, DateTimeOffset? onset = null)
    {
        var script = new CaseScript();
        CaseLifecycle.Open(script.State, "case-1", new OpenCaseRequest("open-1", Scene, complaint, onset), script.Now);
        return script;
    }

    public static CaseScript WalkIn(string hospitalId, Complaint complaint = Complaint.ChestPain)
    {
        var script = new CaseScript();
        CaseLifecycle.Open(script.State, "case-1",
            new OpenCaseRequest("open-1", Scene, complaint, PresentingHospitalId: hospitalId), script.Now);
        return script;
    }

    /// <summary>Moves the clock to <paramref name="minutes"/> after the call and records the milestone then.</summary>
    public CaseScript At(double minutes, Milestone milestone, string? hospital = null, string? ambulance = null,
        Diagnosis? diagnosis = null)
    {
        Now = CallTime.AddMinutes(minutes);
        return Record(milestone, hospital, ambulance, diagnosis);
    }

    public CaseScript Record(Milestone milestone, string? hospital = null, string? ambulance = null, Diagnosis? diagnosis = null)
    {
        CaseLifecycle.Apply(State, Command(milestone, hospital, ambulance, diagnosis), Now);
        return this;
    }

    public CaseCommand Command(Milestone milestone, string? hospital = null, string? ambulance = null, Diagnosis? diagnosis = null) =>
        new($"cmd-{++_commands}", milestone, null, hospital, ambulance, diagnosis);

    public double? Metric(string name) =>
        new CaseMetricsCalculator(new ClinicalTargets()).Calculate(State).Single(m => m.Name == name).Minutes;

    public CaseMetric MetricWithTarget(string name) =>
        new CaseMetricsCalculator(new ClinicalTargets()).Calculate(State).Single(m => m.Name == name);
}
