using Dispatch.Api.Dashboard;
using Dispatch.Api.Extensions;
using Dispatch.Grains.Audit;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Hosting;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Grains.Storage;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Builds the engine process: one Orleans silo with the gRPC API and HTTP co-hosted. The embedded
/// default clusters on localhost and keeps grain state in memory.
/// </summary>
public static class DispatchHost
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--region"] = "Dispatch:Region",
        ["--roads"] = "Dispatch:Roads",
        ["--silo-port"] = "Dispatch:SiloPort",
        ["--gateway-port"] = "Dispatch:GatewayPort",
    };

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        var options = builder.Configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new();
        var regionPath = options.Region ?? DispatchOptions.SampleRegionPath;
        var region = LoadRegion(regionPath, options.Roads);

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
        builder.Services.AddHostedService(sp => new ConnectionBanner(sp, regionPath, region));
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.SiloPort, options.GatewayPort)
            .AddMemoryGrainStorage(StorageNames.Dispatch)
            .UseInMemoryReminderService());
        customize?.Invoke(builder);

        var app = builder.Build();
        TransportGuard.Check(builder.Configuration, options);
        app.UseDispatchDashboard(new DashboardOptions(Path.Combine(AppContext.BaseDirectory, "dashboard"), options.Development));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDispatchApi();
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
