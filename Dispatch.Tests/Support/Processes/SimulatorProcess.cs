using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dispatch.Tests.Support.Processes;

/// <summary>
/// dispatch-sim run as a user runs it: its own process and runtime settings, and everything it
/// prints (standard output and error, log lines included) collected in the order it came. Killed at
/// the end if still running, failed or not.
/// </summary>
public sealed class SimulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _awaited = [];

    private SimulatorProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SimulatorProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dispatch-sim.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var simulator = new SimulatorProcess(Process.Start(start)!);
        simulator._process.OutputDataReceived += (_, e) => simulator.Read(e.Data);
        simulator._process.ErrorDataReceived += (_, e) => simulator.Read(e.Data);
        simulator._process.BeginOutputReadLine();
        simulator._process.BeginErrorReadLine();
        return simulator;
    }

    /// <summary>Completes when a line containing <paramref name="fragment"/> has been printed.</summary>
    public Task Printed(string fragment)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(fragment, StringComparison.Ordinal))
            {
                seen.SetResult();
            }
            else
            {
                _awaited.Add((fragment, seen));
            }
        }

        return seen.Task;
    }

    /// <summary>Ctrl+C, as a terminal sends it.</summary>
    public async Task Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <param name="hangGuard">Not a speed limit: how long a run may take before it is taken as hung.</param>
    public async Task<int> Exited(TimeSpan hangGuard)
    {
        await _process.WaitForExitAsync().WaitAsync(hangGuard);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Fragment, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }
}
