using Dispatch.Api.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Tests.Support.Processes;

/// <summary>
/// A cluster as the README starts one: a redis-server and several Dispatch.Silo processes on
/// loopback, all of the test's own and all killed at the end, failed or not.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>
    /// Membership tuned for a fast failover on one machine (docs/cluster.md has the measured
    /// difference): a silo is declared dead after two missed 1 s probes.
    /// </summary>
    public static readonly string[] TunedMembership =
    [
        "--Dispatch:Cluster:Membership:ProbeTimeout", "00:00:01",
        "--Dispatch:Cluster:Membership:NumMissedProbesLimit", "2",
    ];

    private readonly List<SiloProcess> _silos = [];

    private LocalCluster(RedisServer redis, string clusterId) => (Redis, ClusterId) = (redis, clusterId);

    public RedisServer Redis { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public TokenIssuer Tokens { get; } = new(new AuthOptions(), TimeProvider.System);

    public static async Task<LocalCluster> Start(int silos, params string[] settings)
    {
        var cluster = new LocalCluster(await RedisServer.Start(), $"test-{Guid.NewGuid():N}"[..13]);
        try
        {
            // One after the other: the first creates the membership table, and two cores are not made faster by racing.
            for (var i = 0; i < silos; i++)
            {
                cluster._silos.Add(await SiloProcess.Start(cluster.Redis, cluster.ClusterId, settings));
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async Task<SiloProcess> AddSilo(params string[] settings)
    {
        var silo = await SiloProcess.Start(Redis, ClusterId, settings);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>A channel to one silo, with a token of the given role.</summary>
    public GrpcChannel Channel(SiloProcess silo, string token) => GrpcChannel.ForAddress(silo.Address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    public string AdminToken => Tokens.Issue(DispatchRoles.Admin, subject: "cluster-test-admin");

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
