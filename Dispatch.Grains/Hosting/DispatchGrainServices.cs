using Dispatch.Grains.Audit;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Feed;
using Dispatch.Grains.Recording;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Dispatch.Grains.Hosting;

/// <summary>What the grains need from a silo's container: the region, the routing engine, targets and ECG storage.</summary>
public static class DispatchGrainServices
{
    public static IServiceCollection AddDispatchGrains(this IServiceCollection services, Region region)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Grain state in Orleans' own binary form (its types are already [GenerateSerializer] with ids,
        // so it stays version tolerant): the default JSON serializer was a tenth of the engine's CPU under load.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        services.AddSingleton(new RegionCatalog(region));
        services.AddOptions<ClinicalTargets>();
        services.AddOptions<DestinationPolicyOptions>();
        services.AddOptions<PreAlertOptions>();
        services.AddSingleton(sp => new CaseMetricsCalculator(sp.GetRequiredService<IOptions<ClinicalTargets>>().Value));
        services.AddSingleton(sp => new RoutingEngine(region, sp.GetRequiredService<IOptions<DestinationPolicyOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEcgChunkStore, InMemoryEcgChunkStore>();
        services.AddHostedService<RoadConditionsFollower>();
        services.AddSingleton<RegionFeedPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<RegionFeedPublisher>());
        services.TryAddSingleton(new AuditOptions());
        services.AddSingleton<FileAuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<FileAuditTrail>());
        services.AddHostedService(sp => sp.GetRequiredService<FileAuditTrail>());
        return services;
    }
}
