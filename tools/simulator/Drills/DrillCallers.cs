using Dispatch.Api.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// One gRPC channel per drill user, each with its own token, over one shared HTTP/2 handler: the
/// engine sees as many identities as the region has crews and centres, as it would in real use.
/// Given several engine addresses (the silos of a cluster), calls are spread over them, skip one
/// that is down, and a call refused as Unavailable is retried: every command carries its id, so a
/// retry cannot apply it twice. A unary call whose response does not come within its attempt
/// deadline is asked again (<see cref="LostResponseRetry"/>).
/// </summary>
public sealed class DrillCallers(IReadOnlyList<Uri> engines, TokenIssuer issuer, string region, TimeProvider time) : IDisposable
{
    public DrillCallers(Uri engine, TokenIssuer issuer, string region, TimeProvider time)
        : this([engine], issuer, region, time)
    {
    }

    private readonly ServiceProvider? _balancing = engines.Count > 1
        ? new ServiceCollection().AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => engines.Select(e => new BalancerAddress(e.Host, e.Port)))).BuildServiceProvider()
        : null;

    /// <summary>About four minutes of retries: longer than Orleans' default membership takes to declare a killed silo dead (docs/cluster.md).</summary>
    private const int FailoverAttempts = 64;

    /// <summary>Spread over the silos, retrying UNAVAILABLE until the cluster has replaced a dead silo.</summary>
    private static readonly ServiceConfig Failover = new()
    {
        LoadBalancingConfigs = { new RoundRobinConfig() },
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = FailoverAttempts, InitialBackoff = TimeSpan.FromSeconds(0.5), MaxBackoff = TimeSpan.FromSeconds(4), BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable, StatusCode.Aborted },
                },
            },
        },
    };

    private readonly SocketsHttpHandler _handler = new() { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
    /// <summary>Each identity's channel (disposed with this) and the caller over it.</summary>
    private readonly Dictionary<string, (GrpcChannel Channel, CallInvoker Caller)> _channels = [];

    /// <summary>
    /// Outlasts the failover's own retries (about four minutes) where there are several engines;
    /// with one, a lost response costs a drill half a minute.
    /// </summary>
    private readonly LostResponseRetry _lostResponses = new(
        engines.Count > 1 ? TimeSpan.FromMinutes(5) : LostResponseRetry.DefaultAttemptDeadline, LostResponseRetry.DefaultAttempts, time);
    private readonly Lock _gate = new();

    public CallInvoker Coordinator => Channel("coordinator", () => issuer.Issue(DispatchRoles.Coordinator, region: region, subject: "drill-coordinator"));

    public CallInvoker Reader => Channel("reader", () => issuer.Issue(DispatchRoles.EcgReader, subject: "drill-reader"));

    public CallInvoker Crew(string ambulanceId) =>
        Channel($"crew/{ambulanceId}", () => issuer.Issue(DispatchRoles.Crew, ambulanceId: ambulanceId, subject: $"drill-crew-{ambulanceId}"));

    public CallInvoker Hospital(string hospitalId) =>
        Channel($"hospital/{hospitalId}", () => issuer.Issue(DispatchRoles.Hospital, hospitalId: hospitalId, subject: $"drill-{hospitalId}"));

    private CallInvoker Channel(string key, Func<string> token)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(key, out var known))
            {
                var bearer = token();
                var engine = engines[0];
                var channel = GrpcChannel.ForAddress(_balancing is null ? engine.ToString() : $"static:///{engine.Scheme}-cluster", new GrpcChannelOptions
                {
                    ServiceProvider = _balancing,
                    ServiceConfig = _balancing is null ? null : Failover,
                    MaxRetryAttempts = FailoverAttempts,
                    HttpHandler = _handler,
                    DisposeHttpClient = false,
                    Credentials = ChannelCredentials.Create(engine.Scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
                        CallCredentials.FromInterceptor((_, metadata) =>
                        {
                            metadata.Add("Authorization", $"Bearer {bearer}");
                            return Task.CompletedTask;
                        })),
                    UnsafeUseInsecureChannelCallCredentials = true,
                });
                _channels[key] = known = (channel, channel.Intercept(_lostResponses));
            }

            return known.Caller;
        }
    }

    public void Dispose()
    {
        foreach (var (channel, _) in _channels.Values)
        {
            channel.Dispose();
        }

        _handler.Dispose();
        _balancing?.Dispose();
    }
}
