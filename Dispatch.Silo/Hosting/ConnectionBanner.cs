using Dispatch.Grains.Regions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dispatch.Silo.Hosting;

/// <summary>Tells the person who started the engine what it loaded and where to connect.</summary>
public sealed partial class ConnectionBanner(IServiceProvider services, string regionPath, Region region) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() =>
        {
            var logger = services.GetRequiredService<ILogger<ConnectionBanner>>();
            var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var ambulances = region.Stations.Sum(s => s.AmbulanceIds.Count);
            LogRegion(logger, region.Name, regionPath, region.Hospitals.Count, ambulances);
            var web = services.GetRequiredService<IConfiguration>()["Kestrel:Endpoints:Web:Url"] is { } url ? new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal)).Port : -1;
            foreach (var address in addresses)
            {
                if (new Uri(address).Port == web)
                {
                    LogDashboards(logger, address);
                }
                else
                {
                    LogListening(logger, address);
                }
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Name} loaded from {Path}: {Hospitals} hospitals, {Ambulances} ambulances")]
    private static partial void LogRegion(ILogger logger, string name, string path, int hospitals, int ambulances);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch is listening on {Address} (gRPC with reflection and health checks; try: buf curl --protocol grpc --http2-prior-knowledge {Address}/dispatch.v1.RegionService/GetRegion)")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards: open {Address}/ in a browser (the same services over gRPC-Web, for pages)")]
    private static partial void LogDashboards(ILogger logger, string address);
}
