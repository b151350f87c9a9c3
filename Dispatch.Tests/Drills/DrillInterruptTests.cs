using Dispatch.Simulator.Commands;
using Dispatch.Tests.Support;
using Dispatch.Tests.Support.Processes;

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
        using var drill = SimulatorProcess.Start("drill",
            "--scenario", Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios", "pci-centre-down.json"), "--out", reports);

        await drill.Printed("] calls ").WaitAsync(NeverComes);
        await drill.Interrupt();
        var exit = await drill.Exited(NeverComes);

        var said = drill.Output;
        Assert.Equal(CommandLine.Stopped, exit);
        Assert.Contains("dispatch-sim drill: stopped before the end; no report written", said);
        Assert.DoesNotContain("report: ", said);
        Assert.False(Directory.Exists(reports), said);
    }
}
