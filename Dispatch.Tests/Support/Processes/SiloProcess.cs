using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Tests.Support.Processes;

/// <summary>
/// A real <c>Dispatch.Silo</c> process in cluster mode (the build beside the tests), on free loopback
/// ports, its output in a log file beside the test assembly. <see cref="Kill"/> is <c>kill -9</c>.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri address, string log) => (_process, Address, LogPath) = (process, address, log);

    public Uri Address { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> Start(RedisServer redis, string clusterId, params string[] settings)
    {
        var api = FreePorts.Next();
        var log = Path.Combine(AppContext.BaseDirectory, $"silo-{clusterId}-{api}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
                 [
                     Path.Combine(AppContext.BaseDirectory, "Dispatch.Silo.dll"),
                     "--redis", redis.ConnectionString, "--cluster-id", clusterId,
                     "--silo-port", Port(), "--gateway-port", Port(), "--api-url", $"http://127.0.0.1:{api}",
                     "--web-url", $"http://127.0.0.1:{Port()}",
                     "--Dispatch:Audit:Directory", TestRunFolder.NewPath(),
                     "--Logging:Console:FormatterName", "simple",
                     .. settings,
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var writer = new StreamWriter(log) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    writer.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{api}"), log);
        try
        {
            await Eventually.Get(() => Task.FromResult(silo.HasExited || silo.Log().Contains("Application started", StringComparison.Ordinal)),
                done => done, $"silo on port {api} to start (log: {log})", TimeSpan.FromMinutes(2));
            if (silo.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with {process.ExitCode}; log: {log}");
            }
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>SIGKILL, like <c>kill -9</c>: no shutdown, no goodbye to the cluster.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string Log()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }

    private static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);
}
