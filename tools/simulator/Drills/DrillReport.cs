using System.Globalization;
using System.Text.Json;

namespace Dispatch.Simulator.Drills;

/// <summary>Writes a drill's report folder: report.md for people, report.json for tools.</summary>
public static class DrillReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task Write(DrillResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(result, Json));
        DrillCharts.Write(result, folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), Markdown(result));
    }

    public static string Markdown(DrillResult r)
    {
        static string Ms(double v) => double.IsNaN(v) ? "-" : v.ToString("F1", CultureInfo.InvariantCulture);
        static string Share(double v) => double.IsNaN(v) ? "-" : (v * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";
        static string Min(double? v) => v is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) + " min" : "-";
        static string Row(string name, LatencySummary s) => $"| {name} | {s.Count} | {Ms(s.P50)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)} |";
        var c = r.Clinical;
        var lines = new List<string>
        {
            $"# Drill: {r.Scenario}",
            "",
            string.Create(CultureInfo.InvariantCulture, $"{r.DrillMinutes:F0} drill minutes in {r.RealSeconds:F0} s; policy `{r.Policy}`; {r.Calls} calls, {r.CallsClosed} closed."),
            "",
            "## The engine",
            "",
            "| latency (ms) | count | p50 | p95 | p99 | max |",
            "|---|---|---|---|---|---|",
            Row("call → ambulance decision", r.CallToDecision),
            Row("pre-alert delivery", r.PreAlertDelivery),
            Row("ECG chunk acknowledgement", r.EcgAck),
            "",
            string.Create(CultureInfo.InvariantCulture, $"ECG: {r.EcgChunksSent} chunks sent, {r.EcgChunksPerSecond:F1} acknowledged per second."),
            "",
            $"**Lost: {r.Lost}** (ECG chunks {r.EcgChunksLost}, pre-alerts {r.PreAlertsLost}); **duplicated: {r.Duplicated}**; failures: {r.Failures}.",
            "",
            "## The patients",
            "",
            "| | |",
            "|---|---|",
            $"| STEMI patients | {c.StemiPatients} ({c.StemiWithDevice} to the cath lab) |",
            $"| STEMI first contact → device, median | {Min(c.StemiFmcToDeviceMedian)} |",
            $"| STEMI first contact → device ≤ 120 min | {Share(c.StemiWithin120Share)} |",
            $"| LVO strokes | {c.LvoStrokes} |",
            $"| LVO strokes taken to a thrombectomy centre | {Share(c.LvoAtThrombectomyCentreShare)} |",
            $"| strokes thrombolysed; door → needle, median | {c.StrokesWithNeedle}; {Min(c.DoorToNeedleMedian)} |",
            $"| patients outside every one-hour circle of the care they need | {c.OutsideOneHourCircle} |",
        };
        lines.AddRange(
        [
            "",
            "## Charts",
            "",
            "![call to decision](latency-call-to-decision.png)",
            "![pre-alert delivery](latency-pre-alert.png)",
            "![ECG acknowledgement](latency-ecg-ack.png)",
            "![FMC to device](clinical-fmc-to-device.png)",
            "![door to needle](clinical-door-to-needle.png)",
            "![load](load.png)",
        ]);
        if (r.Problems.Count > 0)
        {
            lines.AddRange(["", "## Problems", "", .. r.Problems.Select(p => $"- {p}")]);
        }

        return string.Join('\n', lines) + "\n";
    }
}
