using System.Diagnostics;
using System.Net.Sockets;

namespace Dispatch.Tests.Support.Processes;

/// <summary>
/// A real redis-server (the Debian package) of the test's own: a free loopback port, a fresh data
/// folder, AOF on. Stopping it with SIGKILL and starting it again on the same folder is a Redis crash.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"dispatch-redis-{Guid.NewGuid():N}");
    private readonly string _fsync;
    private Process? _process;

    private RedisServer(string fsync) => (_fsync, Port) = (fsync, FreePorts.Next());

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> Start(string appendFsync = "always")
    {
        var server = new RedisServer(appendFsync);
        Directory.CreateDirectory(server._directory);
        try
        {
            await server.Run();
            return server;
        }
        catch
        {
            // One that never came up (redis-server missing, or never answering) leaves no folder behind.
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task Run()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: apt-get install redis-server (.ci/run installs it)");
        }

        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--appendonly", "yes",
                "--appendfsync", _fsync, "--save", "", "--daemonize", "no", "--logfile", Path.Combine(_directory, "redis.log") },
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        await Eventually.Get(async () => await Answers(), up => up, $"redis-server on port {Port}");
    }

    /// <summary>SIGKILL: what a machine losing power does to Redis.</summary>
    public async Task Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            await using var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
