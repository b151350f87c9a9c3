using System.Diagnostics;
using System.Text.Json;

namespace Dispatch.Tests.Support;

/// <summary>
/// buf curl, a gRPC client the project did not write, discovering the API by server reflection.
/// Installed by `npm install` in tests/external-client (.ci/run does it).
/// </summary>
internal sealed class BufCurl(Uri engine, string token)
{
    public static readonly string Executable =
        Path.Combine(RepositoryRoot.Path, "tests", "external-client", "node_modules", ".bin", "buf");

    public async Task<JsonElement> Call(string method, object request)
    {
        EnsureInstalled();

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "curl", "--protocol", "grpc", "--http2-prior-knowledge", "--header", $"Authorization: Bearer {token}",
                     "--data", JsonSerializer.Serialize(request), new Uri(engine, method).ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"buf curl {method} exited {process.ExitCode}: {await stderr}");
        }

        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }

    public static void EnsureInstalled()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"buf is not installed at {Executable}: run `npm install` in tests/external-client");
        }
    }
}
