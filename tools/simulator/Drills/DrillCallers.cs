using Dispatch.Api.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// One gRPC channel per drill user, each with its own token, over one shared HTTP/2 handler: the
/// engine sees as many identities as the region has crews and centres, as it would in real use.
/// </summary>
public sealed class DrillCallers(Uri engine, TokenIssuer issuer, string region) : IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly Lock _gate = new();

    public GrpcChannel Coordinator => Channel("coordinator", () => issuer.Issue(DispatchRoles.Coordinator, region: region, subject: "drill-coordinator"));

    public GrpcChannel Reader => Channel("reader", () => issuer.Issue(DispatchRoles.EcgReader, subject: "drill-reader"));

    public GrpcChannel Crew(string ambulanceId) =>
        Channel($"crew/{ambulanceId}", () => issuer.Issue(DispatchRoles.Crew, ambulanceId: ambulanceId, subject: $"drill-crew-{ambulanceId}"));

    public GrpcChannel Hospital(string hospitalId) =>
        Channel($"hospital/{hospitalId}", () => issuer.Issue(DispatchRoles.Hospital, hospitalId: hospitalId, subject: $"drill-{hospitalId}"));

    private GrpcChannel Channel(string key, Func<string> token)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(key, out var channel))
            {
                var bearer = token();
                channel = GrpcChannel.ForAddress(engine, new GrpcChannelOptions
                {
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
                _channels[key] = channel;
            }

            return channel;
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _handler.Dispose();
    }
}
