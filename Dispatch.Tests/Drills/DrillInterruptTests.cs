using System.Diagnostics;
using System.Text;
using Dispatch.Simulator.Commands;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Drills;

/// <summary>
/// A drill planner's Ctrl+C: dispatch-sim, run as a user runs it (its own process, its own embedded
/// engine), stops the drill and its engine and says so, instead of carrying on regardless.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class DrillInterruptTests
{
    /// <summary>Not a speed limit: a drill that ignored Ctrl+C would run the scenario's four minutes and more.</summary>
    private static readonly TimeSpan NeverComes = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task CtrlC_StopsARunningDrill_AndItsEngine_WithoutAReport()
    {
        var reports = Path.Combine(TestRunFolder.NewPath(), "report");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "dispatch-sim.dll"), "drill",
                     "--scenario", Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios", "pci-centre-down.json"), "--out", reports])
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var drill = Process.Start(start)!;
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains("] calls ", StringComparison.Ordinal))
            {
                progress.TrySetResult();
            }
        }

        drill.OutputDataReceived += (_, e) => Read(e.Data);
        drill.ErrorDataReceived += (_, e) => Read(e.Data);
        drill.BeginOutputReadLine();
        drill.BeginErrorReadLine();
        try
        {
            await progress.Task.WaitAsync(NeverComes);

            using (var interrupt = Process.Start("kill", ["-INT", drill.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await drill.WaitForExitAsync().WaitAsync(NeverComes);
        }
        finally
        {
            if (!drill.HasExited)
            {
                drill.Kill(entireProcessTree: true);
            }
        }

        var said = output.ToString();
        Assert.Equal(CommandLine.Stopped, drill.ExitCode);
        Assert.Contains("dispatch-sim drill: stopped before the end; no report written", said);
        Assert.DoesNotContain("report: ", said);
        Assert.False(Directory.Exists(reports), said);
    }
}
