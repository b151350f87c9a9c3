using Dispatch.Api.Dashboard;
using Dispatch.Api.Extensions;
using Dispatch.Grains.Audit;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Hosting;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Silo.Cluster;
using Dispatch.Silo.Operations;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Builds the engine process: one Orleans silo with the gRPC API and HTTP co-hosted. The embedded
/// default clusters on localhost and keeps grain state in memory; <c>--redis</c> makes it a member
/// of a cluster on Redis (docs/cluster.md).
/// </summary>
public static class DispatchHost
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--region"] = "Dispatch:Region",
        ["--roads"] = "Dispatch:Roads",
        ["--silo-port"] = "Dispatch:SiloPort",
        ["--gateway-port"] = "Dispatch:GatewayPort",
        ["--redis"] = "Dispatch:Cluster:Redis",
        ["--cluster-id"] = "Dispatch:Cluster:ClusterId",
        ["--api-url"] = "Kestrel:Endpoints:Api:Url",
        ["--web-url"] = "Kestrel:Endpoints:Web:Url",
        ["--ops-url"] = $"{OperationsEndpoints.OpsEndpoint}:Url",
    };

    /// <summary>Connections the kernel may hold waiting to be accepted, per endpoint.</summary>
    public const int ListenBacklog = 4096;

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, SwitchMappings);

        // A region's crews reconnect together (an engine restart, a mobile network coming back): with
        // Kestrel's default backlog of 512 pending connections the kernel dropped thousands of them
        // in one such burst, and crews saw their handshakes reset. The kernel caps it at somaxconn.
        builder.WebHost.UseSockets(sockets => sockets.Backlog = ListenBacklog);
        if (builder.Configuration[$"{OperationsEndpoints.OpsEndpoint}:Url"] is not null && builder.Configuration[$"{OperationsEndpoints.OpsEndpoint}:Protocols"] is null)
        {
            builder.Configuration.AddInMemoryCollection([new($"{OperationsEndpoints.OpsEndpoint}:Protocols", "Http1")]);
        }

        var options = builder.Configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new();
        var regionPath = options.Region ?? DispatchOptions.SampleRegionPath;
        var region = LoadRegion(regionPath, options.Roads);
        var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new();
        builder.Services.AddDispatchCluster(cluster, builder.Configuration);

        builder.Services.AddSingleton(builder.Configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions());
        builder.Services.AddDispatchGrains(region);
        builder.Services.Configure<ClinicalTargets>(builder.Configuration.GetSection(ClinicalTargets.SectionName));
        builder.Services.Configure<DestinationPolicyOptions>(builder.Configuration.GetSection(DestinationPolicyOptions.SectionName));
        var policy = builder.Configuration[$"{DestinationPolicyOptions.SectionName}:Policy"] ?? DestinationPolicy.Name;
        if (policy is not (DestinationPolicy.Name or NaiveNearestPolicy.Name))
        {
            throw new InvalidOperationException(
                $"Dispatch:Routing:Policy is '{policy}'; it must be '{DestinationPolicy.Name}' or '{NaiveNearestPolicy.Name}'");
        }

        builder.Services.Configure<PreAlertOptions>(builder.Configuration.GetSection(PreAlertOptions.SectionName));
        builder.Services.AddDispatchApi(builder.Configuration);
        builder.Services.AddOperations(builder.Configuration);
        builder.Services.AddHostedService(sp => new ConnectionBanner(sp, regionPath, region));
        builder.UseOrleans(silo =>
        {
            silo.UseDispatchStorage(cluster, options);
            if (OperationsEndpoints.Tracing(builder.Configuration))
            {
                // Carries a trace across grain calls; every call then passes through two filters.
                silo.AddActivityPropagation();
            }
        });
        customize?.Invoke(builder);

        var app = builder.Build();
        TransportGuard.Check(builder.Configuration, options);
        app.UseDispatchDashboard(new DashboardOptions(Path.Combine(AppContext.BaseDirectory, "dashboard"), options.Development));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDispatchApi();
        app.MapOperations();
        app.MapGet("/", () => Results.Text($"Dispatch engine for {region.Name}. gRPC services: dispatch.v1.* (reflection on).\n"))
            .RequireAuthorization();
        return app;
    }

    private static Region LoadRegion(string path, string? osmRoads)
    {
        var region = RegionLoader.LoadFile(path, requireRoads: osmRoads is null);
        if (osmRoads is null)
        {
            return region;
        }

        var roads = OsmRoadReader.ReadFile(osmRoads);
        return roads.Count == 0
            ? throw new RegionFormatException(null, "roads", $"{osmRoads} holds no drivable roads")
            : region with { Roads = [.. region.Roads, .. roads] };
    }
}
