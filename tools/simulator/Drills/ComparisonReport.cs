using System.Globalization;

namespace Dispatch.Simulator.Drills;

/// <summary>The same calls under two policies, side by side: what the routing policy is worth to the patients.</summary>
public static class ComparisonReport
{
    public static async Task Write(IReadOnlyList<(string Policy, DrillResult Result)> runs, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (policy, result) in runs)
        {
            await DrillReport.Write(result, Path.Combine(folder, policy));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), Markdown(runs));
    }

    public static string Markdown(IReadOnlyList<(string Policy, DrillResult Result)> runs)
    {
        static string F(double? v, string format, string unit = "") =>
            v is { } x && !double.IsNaN(x) ? x.ToString(format, CultureInfo.InvariantCulture) + unit : "-";
        var first = runs[0].Result;
        string Row(string name, Func<DrillResult, string> value) => $"| {name} | {string.Join(" | ", runs.Select(r => value(r.Result)))} |";
        var lines = new List<string>
        {
            $"# Drill: {first.Scenario}",
            "",
            string.Create(CultureInfo.InvariantCulture, $"{first.DrillMinutes:F0} drill minutes, {first.Calls} calls, the same calls under each policy."),
            "",
            $"| | {string.Join(" | ", runs.Select(r => $"`{r.Policy}`"))} |",
            $"|---|{string.Concat(runs.Select(_ => "---|"))}",
            Row("STEMI patients", r => r.Clinical.StemiPatients.ToString(CultureInfo.InvariantCulture)),
            Row("STEMI first contact → device ≤ 120 min", r => F(r.Clinical.StemiWithin120Share * 100, "F0", " %")),
            Row("STEMI first contact → device, median", r => F(r.Clinical.StemiFmcToDeviceMedian, "F0", " min")),
            Row("LVO strokes at a thrombectomy centre", r => F(r.Clinical.LvoAtThrombectomyCentreShare * 100, "F0", " %")),
            Row("stroke door → needle, median", r => F(r.Clinical.DoorToNeedleMedian, "F0", " min")),
            Row("patients outside every one-hour circle", r => r.Clinical.OutsideOneHourCircle.ToString(CultureInfo.InvariantCulture)),
            Row("call → decision p50 / p99", r => $"{F(r.CallToDecision.P50, "F1")} / {F(r.CallToDecision.P99, "F1")} ms"),
            Row("pre-alert delivery p99", r => F(r.PreAlertDelivery.P99, "F1", " ms")),
            Row("ECG acknowledgement p99", r => F(r.EcgAck.P99, "F1", " ms")),
            Row("lost / duplicated / failures", r => $"{r.Lost} / {r.Duplicated} / {r.Failures}"),
            "",
            "Each policy's full report, with its charts: " + string.Join(", ", runs.Select(r => $"[{r.Policy}]({r.Policy}/report.md)")) + ".",
        };
        return string.Join('\n', lines) + "\n";
    }
}
