using StackExchange.Redis;

namespace Dispatch.Silo.Cluster;

/// <summary>
/// The silo's own connection to Redis, for ECG chunks and the readiness check (Orleans' providers
/// keep theirs). It connects lazily and reconnects by itself, so a silo outlives a Redis restart.
/// </summary>
public sealed class RedisConnection(ClusterSettings settings) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(Options(settings)));

    public async Task<IDatabase> Database() => (await _multiplexer.Value).GetDatabase();

    /// <summary>Every Redis client of the silo: keep retrying a Redis that is down instead of failing for good.</summary>
    public static ConfigurationOptions Options(ClusterSettings settings)
    {
        var options = ConfigurationOptions.Parse(settings.Redis!);
        options.AbortOnConnectFail = false;
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }
}
