using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// The engine as `dotnet run --project Dispatch.Silo` runs it, started inside the simulator on free
/// loopback ports, so that a drill needs nothing else running (and two policies can run side by side).
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedEngine(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public static async Task<EmbeddedEngine> Start(string regionPath, string policy, params string[] settings)
    {
        var app = DispatchHost.Create(
        [
            "--region", regionPath,
            "--silo-port", FreePort(),
            "--gateway-port", FreePort(),
            "--Kestrel:Endpoints:Api:Url", "http://127.0.0.1:0",
            "--Dispatch:Routing:Policy", policy,
            "--Dispatch:Audit:Directory", Path.Combine(Path.GetTempPath(), $"dispatch-drill-audit-{Guid.NewGuid():N}"),
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EmbeddedEngine(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
