using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// Hosts <see cref="SinkCrewService"/> and <see cref="SinkCaseService"/> on a loopback port with the
/// engine's transport settings (h2c, Kestrel, same limits).
/// </summary>
public sealed class SinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SinkServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    /// <summary>The sink's services: held weakly, they tell when a stopped sink has left memory.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<SinkServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only the loopback port below: run beside the engine's build (the tests, or dispatch-sim
        // from its bin folder), the builder would also read the engine's appsettings.json and bind its
        // API port, 5080, where a running engine or a second stress run already listens.
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 512 * 1024);
        var app = builder.Build();
        app.MapGrpcService<SinkCrewService>();
        app.MapGrpcService<SinkCaseService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SinkServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
