using System.Net;
using Dispatch.Grains.Recording;
using Dispatch.Grains.Storage;
using Dispatch.Silo.Hosting;
using Orleans.Configuration;

namespace Dispatch.Silo.Cluster;

/// <summary>
/// Where membership, grain state, reminders and ECG chunks live: in this process (the embedded
/// default), or in Redis when <see cref="ClusterSettings.Redis"/> is set.
/// </summary>
public static class ClusterHosting
{
    /// <summary>Membership timing (probe timeout, missed probes, vote expiry): Orleans' defaults unless set here.</summary>
    public const string MembershipSection = "Dispatch:Cluster:Membership";

    /// <summary>Registers the cluster-mode services; call before the grains' own, so the Redis ECG store wins.</summary>
    public static IServiceCollection AddDispatchCluster(this IServiceCollection services, ClusterSettings cluster, IConfiguration configuration)
    {
        services.AddSingleton(cluster);
        services.AddHostedService<MembershipLog>();
        services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        if (cluster.Enabled)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<IEcgChunkStore, RedisEcgChunkStore>();
        }

        return services;
    }

    public static ISiloBuilder UseDispatchStorage(this ISiloBuilder silo, ClusterSettings cluster, DispatchOptions options)
    {
        if (!cluster.Enabled)
        {
            return silo
                .UseLocalhostClustering(options.SiloPort, options.GatewayPort)
                .AddInProcessGrainStorage(StorageNames.Dispatch)
                .UseInMemoryReminderService();
        }

        var address = IPAddress.Parse(cluster.AdvertisedAddress);
        return silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
            .ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address))
            .UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(cluster))
            .AddRedisGrainStorage(StorageNames.Dispatch, o => o.ConfigurationOptions = RedisConnection.Options(cluster))
            .UseRedisReminderService(o => o.ConfigurationOptions = RedisConnection.Options(cluster));
    }
}
