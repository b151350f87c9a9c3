using Dispatch.Contracts.Metrics;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Mapping;

/// <summary>Today's figures on the wire.</summary>
public static class ClinicalSummaryMapping
{
    public static V1.ClinicalSummary ToWire(this ClinicalSummary summary)
    {
        var wire = new V1.ClinicalSummary
        {
            DayStart = summary.DayStart.ToWire(),
            Calls = summary.Calls,
            ChestPain = summary.ChestPain,
            Stroke = summary.Stroke,
            Closed = summary.Closed,
        };
        foreach (var metric in summary.Metrics)
        {
            var distribution = new V1.MetricDistribution { Name = metric.Name, WithinTarget = metric.WithinTarget, WithTarget = metric.WithTarget };
            distribution.Minutes.AddRange(metric.Minutes);
            if (metric.MedianMinutes is { } median)
            {
                distribution.MedianMinutes = median;
            }

            if (metric.TargetMinutes is { } target)
            {
                distribution.TargetMinutes = target;
            }

            wire.Metrics.Add(distribution);
        }

        return wire;
    }
}
