using Dispatch.Silo.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Dispatch.Silo.Operations;

/// <summary>
/// Ready to take calls: this silo is an active member of its cluster and, in cluster mode, Redis
/// answers. A load balancer sends nothing to a silo that is joining, leaving or cut off from its store.
/// </summary>
public sealed class Readiness(ISiloStatusOracle membership, IServiceProvider services) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (membership.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"the silo is {membership.CurrentStatus}, not an active cluster member");
        }

        if (services.GetService<RedisConnection>() is not { } redis)
        {
            return HealthCheckResult.Healthy("active; state in memory (embedded)");
        }

        try
        {
            var latency = await (await redis.Database()).PingAsync();
            return HealthCheckResult.Healthy($"active; Redis answers in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {e.Message}");
        }
    }
}
