using ScottPlot;

namespace Dispatch.Simulator.Drills;

/// <summary>The report's charts (PNG): latency histograms, clinical times against their targets, load over time.</summary>
public static class DrillCharts
{
    private const int Width = 900;
    private const int Height = 500;

    public static IReadOnlyList<string> Write(DrillResult result, string folder)
    {
        var written = new List<string>
        {
            Histogram(result.CallToDecisionSamples, "Call → ambulance decision", "ms", null, Path.Combine(folder, "latency-call-to-decision.png")),
            Histogram(result.PreAlertDeliverySamples, "Pre-alert delivery", "ms", null, Path.Combine(folder, "latency-pre-alert.png")),
            Histogram(result.EcgAckSamples, "ECG chunk acknowledgement", "ms", null, Path.Combine(folder, "latency-ecg-ack.png")),
            Histogram(result.Clinical.StemiFmcToDeviceMinutes, "STEMI first contact → device (target 120 min)", "drill minutes", 120,
                Path.Combine(folder, "clinical-fmc-to-device.png")),
            Histogram(result.Clinical.DoorToNeedleMinutes, "Stroke door → needle (target 60 min)", "drill minutes", 60, Path.Combine(folder, "clinical-door-to-needle.png")),
            Load(result.Load, Path.Combine(folder, "load.png")),
        };
        return written;
    }

    private static string Histogram(IReadOnlyList<double> values, string title, string unit, double? target, string path)
    {
        var plot = new Plot();
        plot.Title(values.Count == 0 ? $"{title}: no data" : $"{title} (n = {values.Count})");
        plot.XLabel(unit);
        plot.YLabel("count");
        if (values.Count > 0)
        {
            var (min, max) = (values.Min(), values.Max());
            var bins = Math.Clamp((int)Math.Sqrt(values.Count) + 1, 5, 40);
            var width = Math.Max((max - min) / bins, 1e-9);
            var counts = new double[bins];
            foreach (var v in values)
            {
                counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
            }

            var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(i => min + (i + 0.5) * width).ToArray(), counts);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.9;
            }
        }

        if (target is { } t)
        {
            var line = plot.Add.VerticalLine(t);
            line.Text = "target";
            line.Color = Colors.Red;
        }

        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string Load(IReadOnlyList<LoadSample> load, string path)
    {
        var plot = new Plot();
        plot.Title("Load over the drill");
        plot.XLabel("drill minute");
        plot.YLabel("calls under way");
        if (load.Count > 0)
        {
            var minutes = load.Select(s => s.DrillMinute).ToArray();
            var active = plot.Add.Scatter(minutes, load.Select(s => (double)s.ActiveCalls).ToArray());
            active.LegendText = "calls under way";
            var rates = load.Zip(load.Skip(1), (a, b) => (double)(b.EcgChunksAcked - a.EcgChunksAcked) / 2).Prepend(0).ToArray();
            var ecg = plot.Add.Scatter(minutes, rates);
            ecg.LegendText = "ECG chunks acknowledged per second";
            plot.ShowLegend();
        }

        plot.SavePng(path, Width, Height);
        return path;
    }
}
