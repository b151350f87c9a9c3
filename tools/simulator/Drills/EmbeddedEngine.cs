using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// The engine as `dotnet run --project Dispatch.Silo` runs it, started in this process on free
/// loopback ports: a drill needs nothing else running, two policies can run side by side, and the
/// tests start theirs the same way.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>The audit folder this class made for a drill's engine, removed with it (no one would find it in the temp folder).</summary>
    private string? _temporaryAudit;

    private EmbeddedEngine(WebApplication app, Uri address, Uri web) => (_app, Address, WebAddress) = (app, address, web);

    public Uri Address { get; }

    /// <summary>The endpoint for browsers: the dashboards and gRPC-Web (HTTP/1.1 and HTTP/2).</summary>
    public Uri WebAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A drill's engine: a region, a routing policy, its own audit folder (removed when it stops), warnings only in the log.</summary>
    public static async Task<EmbeddedEngine> Start(string regionPath, string policy, params string[] settings)
    {
        var audit = Path.Combine(Path.GetTempPath(), $"dispatch-drill-audit-{Guid.NewGuid():N}");
        var engine = await Start(
        [
            "--region", regionPath,
            "--Dispatch:Routing:Policy", policy,
            "--Dispatch:Audit:Directory", audit,
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ]);
        engine._temporaryAudit = audit;
        return engine;
    }

    /// <summary>Any engine: the free ports come first, so <paramref name="settings"/> may still override them.</summary>
    public static async Task<EmbeddedEngine> Start(IEnumerable<string> settings, Action<WebApplicationBuilder>? customize = null)
    {
        var webPort = FreePort();
        var app = DispatchHost.Create(
        [
            "--silo-port", FreePort(),
            "--gateway-port", FreePort(),
            "--Kestrel:Endpoints:Api:Url", "http://127.0.0.1:0",
            "--Kestrel:Endpoints:Web:Url", $"http://127.0.0.1:{webPort}",
            .. settings,
        ], builder =>
        {
            // The simulator owns Ctrl+C and SIGTERM: a console lifetime here would stop the engine
            // under a running drill and keep the process alive.
            builder.Services.AddSingleton<IHostLifetime, SimulatorOwnedLifetime>();
            customize?.Invoke(builder);
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        // The web endpoint is told apart by its port, so a caller that moves it must name a port, not 0.
        var webUrl = new Uri(LastValue(settings, "--Kestrel:Endpoints:Web:Url") ?? $"http://127.0.0.1:{webPort}");
        var web = addresses.Single(a => a.Port == webUrl.Port);
        return new EmbeddedEngine(app, addresses.Single(a => a.Port != webUrl.Port), web);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_temporaryAudit is not null && Directory.Exists(_temporaryAudit))
        {
            Directory.Delete(_temporaryAudit, recursive: true);
        }
    }

    private static string? LastValue(IEnumerable<string> settings, string name)
    {
        var list = settings.ToList();
        var at = list.LastIndexOf(name);
        return at >= 0 && at + 1 < list.Count ? list[at + 1] : null;
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
