using System.Collections.Immutable;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Metrics;
using Dispatch.Grains.Cases;

namespace Dispatch.Grains.Metrics;

/// <summary>
/// The day's figures from the day's cases: counts, and for each tracked interval its values,
/// median and share within target. A case counts on the day of its call (UTC).
/// </summary>
public static class ClinicalDay
{
    /// <summary>The intervals the coordinators' panel shows, in its order.</summary>
    public static readonly ImmutableArray<string> Tracked =
        [CaseMetricNames.FmcToDevice, CaseMetricNames.DoorToDevice, CaseMetricNames.DoorInDoorOut, CaseMetricNames.DoorToNeedle];

    public static DateTimeOffset StartOf(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>
    /// Keeps the latest outcome of each case called today: a report older than the one kept (one-way
    /// reports may arrive out of order) and an outcome of an earlier day are not kept.
    /// </summary>
    public static void Keep(Dictionary<string, CaseOutcome> outcomes, CaseOutcome outcome, DateTimeOffset now)
    {
        if (outcome.CalledAt >= StartOf(now) &&
            (!outcomes.TryGetValue(outcome.CaseId, out var kept) || kept.Revision <= outcome.Revision))
        {
            outcomes[outcome.CaseId] = outcome;
        }
    }

    /// <summary>Removes the outcomes of cases called before today (once a day is enough).</summary>
    public static void Prune(Dictionary<string, CaseOutcome> outcomes, DateTimeOffset now)
    {
        var start = StartOf(now);
        foreach (var old in outcomes.Values.Where(o => o.CalledAt < start).Select(o => o.CaseId).ToList())
        {
            outcomes.Remove(old);
        }
    }

    public static ClinicalSummary Summarise(IEnumerable<CaseOutcome> outcomes, DateTimeOffset now)
    {
        var start = StartOf(now);
        var today = outcomes.Where(o => o.CalledAt >= start).ToList();
        return new ClinicalSummary(
            start,
            today.Count,
            today.Count(o => o.Complaint == Complaint.ChestPain),
            today.Count(o => o.Complaint == Complaint.StrokeSymptoms),
            today.Count(o => o.Closed),
            [.. Tracked.Select(name => Distribution(name, today.SelectMany(o => o.Metrics.Where(m => m.Name == name && m.Minutes is not null))))]);
    }

    private static MetricDistribution Distribution(string name, IEnumerable<CaseMetric> measured)
    {
        var metrics = measured.ToList();
        var minutes = metrics.Select(m => m.Minutes!.Value).Order().ToImmutableArray();
        var targets = metrics.Select(m => m.TargetMinutes).OfType<double>().Distinct().ToList();
        return new MetricDistribution(
            name,
            minutes,
            Statistics.Median(minutes),
            metrics.Count(m => m.MetTarget == true),
            metrics.Count(m => m.MetTarget is not null),
            targets.Count == 1 ? targets[0] : null);
    }
}
