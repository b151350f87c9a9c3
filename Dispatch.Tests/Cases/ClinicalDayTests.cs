using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Metrics;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Metrics;

namespace Dispatch.Tests.Cases;

/// <summary>The day's figures for the metrics panel, from case outcomes alone (no cluster).</summary>
public sealed class ClinicalDayTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Medians_Shares_AndCounts_AreOverTodaysCasesOnly()
    {
        var outcomes = new Dictionary<string, CaseOutcome>();
        ClinicalDay.Keep(outcomes, Outcome("a", Noon.AddHours(-1), Complaint.ChestPain, closed: true, (CaseMetricNames.FmcToDevice, 80, 90)), Noon);
        ClinicalDay.Keep(outcomes, Outcome("b", Noon.AddHours(-2), Complaint.ChestPain, closed: false, (CaseMetricNames.FmcToDevice, 100, 90)), Noon);
        ClinicalDay.Keep(outcomes, Outcome("c", Noon.AddHours(-3), Complaint.ChestPain, closed: true, (CaseMetricNames.FmcToDevice, 60, 120)), Noon);
        ClinicalDay.Keep(outcomes, Outcome("d", Noon.AddHours(-4), Complaint.StrokeSymptoms, closed: false, (CaseMetricNames.DoorToNeedle, 50, 60)), Noon);
        ClinicalDay.Keep(outcomes, Outcome("e", Noon.AddHours(-5), Complaint.StrokeSymptoms, closed: false, (CaseMetricNames.DoorToNeedle, 40, 60)), Noon);
        ClinicalDay.Keep(outcomes, Outcome("yesterday", Noon.AddDays(-1), Complaint.ChestPain, closed: true, (CaseMetricNames.FmcToDevice, 10, 90)), Noon);

        var summary = ClinicalDay.Summarise(outcomes.Values, Noon);

        Assert.Equal((5, 3, 2, 2), (summary.Calls, summary.ChestPain, summary.Stroke, summary.Closed));
        Assert.Equal(ClinicalDay.Tracked, summary.Metrics.Select(m => m.Name));
        var fmc = summary.Metrics[0];
        Assert.Equal([60.0, 80.0, 100.0], fmc.Minutes.ToArray());
        Assert.Equal((80.0, 2, 3, (double?)null), (fmc.MedianMinutes, fmc.WithinTarget, fmc.WithTarget, fmc.TargetMinutes));
        var needle = summary.Metrics[3];
        Assert.Equal((45.0, 2, 60.0), (needle.MedianMinutes!.Value, needle.WithinTarget, needle.TargetMinutes!.Value));
        Assert.Equal((null, 0), (summary.Metrics[1].MedianMinutes, summary.Metrics[1].Minutes.Length));
    }

    [Fact]
    public void ALaterOutcome_ReplacesTheCasesEarlierOne_AndANewDayStartsEmpty()
    {
        var outcomes = new Dictionary<string, CaseOutcome>();
        ClinicalDay.Keep(outcomes, Outcome("a", Noon, Complaint.ChestPain, closed: false, (CaseMetricNames.FmcToDevice, null, 90)), Noon);
        ClinicalDay.Keep(outcomes, Outcome("a", Noon, Complaint.ChestPain, closed: true, (CaseMetricNames.FmcToDevice, 70, 90)), Noon.AddHours(1));

        var today = ClinicalDay.Summarise(outcomes.Values, Noon.AddHours(1));
        var tomorrow = ClinicalDay.Summarise(outcomes.Values, Noon.AddDays(1));

        Assert.Equal((1, 1, 70.0), (today.Calls, today.Closed, today.Metrics[0].MedianMinutes!.Value));
        Assert.Equal((0, 0), (tomorrow.Calls, tomorrow.Metrics[0].Minutes.Length));
    }

    [Fact]
    public void AnEarlierReport_ArrivingAfterALaterOne_DoesNotUndoIt()
    {
        var outcomes = new Dictionary<string, CaseOutcome>();
        var opened = Outcome("a", Noon, Complaint.ChestPain, closed: false, (CaseMetricNames.FmcToDevice, null, 90)) with { Revision = 1 };
        var treated = Outcome("a", Noon, Complaint.ChestPain, closed: true, (CaseMetricNames.FmcToDevice, 70, 90)) with { Revision = 6 };

        // Reports are one-way: the case's opening can reach the record after its closing.
        ClinicalDay.Keep(outcomes, treated, Noon.AddHours(1));
        ClinicalDay.Keep(outcomes, opened, Noon.AddHours(1));

        var today = ClinicalDay.Summarise(outcomes.Values, Noon.AddHours(1));
        Assert.Equal((1, 1, 70.0), (today.Calls, today.Closed, today.Metrics[0].MedianMinutes!.Value));
    }

    [Fact]
    public void ANewDaysPrune_RemovesTheDayBefore_AndKeepsToday()
    {
        var outcomes = new Dictionary<string, CaseOutcome>();
        ClinicalDay.Keep(outcomes, Outcome("yesterday", Noon, Complaint.ChestPain, closed: true), Noon);
        ClinicalDay.Keep(outcomes, Outcome("today", Noon.AddDays(1), Complaint.ChestPain, closed: false), Noon.AddDays(1));

        ClinicalDay.Prune(outcomes, Noon.AddDays(1));

        Assert.Equal(["today"], outcomes.Keys);
    }

    private static CaseOutcome Outcome(string id, DateTimeOffset calledAt, Complaint complaint, bool closed, params (string Name, double? Minutes, double Target)[] metrics) =>
        new(id, calledAt, complaint, [.. metrics.Select(m => new CaseMetric(m.Name, m.Minutes, m.Target))], closed);
}
