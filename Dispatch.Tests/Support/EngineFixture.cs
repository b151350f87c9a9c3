using Dispatch.Api.Security;
using Dispatch.Simulator.Drills;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Support;

/// <summary>
/// The engine as a user runs it (silo + gRPC API, bundled sample region) on loopback ports,
/// with a fake clock, and a real gRPC channel to it.
/// </summary>
public class EngineFixture : IAsyncLifetime
{
    private EmbeddedEngine? _engine;

    public FakeTimeProvider Clock { get; } = new(TestClock.Start);

    public Uri Address { get; private set; } = null!;

    /// <summary>The browsers' endpoint: the dashboards and gRPC-Web.</summary>
    public Uri WebAddress { get; private set; } = null!;

    /// <summary>Where this engine writes its audit trail (a fresh folder per engine).</summary>
    public string AuditDirectory { get; } = TestRunFolder.NewPath();

    /// <summary>Everything the engine logged at Information and above (also in engine-*.log beside the test assembly).</summary>
    public FileLoggerProvider Log { get; } = new(Path.Combine(AppContext.BaseDirectory, $"engine-{Guid.NewGuid():N}.log"));

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _engine = await EmbeddedEngine.Start(
            ["--Dispatch:Audit:Directory", AuditDirectory, .. Settings],
            builder =>
            {
                if (!RealClock)
                {
                    builder.Services.AddSingleton<TimeProvider>(Clock);
                }

                builder.Logging.AddProvider(Log);
            });
        Address = _engine.Address;
        WebAddress = _engine.WebAddress;
        Tokens = new TokenIssuer(new AuthOptions(), TimeProvider.System);
        AdminToken = Tokens.Issue(DispatchRoles.Admin, subject: "test-admin");
        Channel = ChannelWith(AdminToken);
    }

    /// <summary>
    /// Configuration on top of the defaults. The shared engine lifts the per-identity limits: its
    /// tests make bursts of calls as one admin while the fake clock stands still, so no token would
    /// ever refill. The limits have tests of their own on an engine that keeps them.
    /// </summary>
    /// <summary>Whether the engine keeps real time instead of <see cref="Clock"/> (a drill drives it in real time).</summary>
    protected virtual bool RealClock => false;

    protected virtual string[] Settings =>
    [
        "--Dispatch:Limits:CallBurst", "1000000000",
        "--Dispatch:Limits:CrewMessageBurst", "1000000000",
        "--Dispatch:Limits:StreamsPerIdentity", "100000",
    ];

    /// <summary>Tokens from the development issuer the engine trusts (real time: token lifetimes are checked against it).</summary>
    public TokenIssuer Tokens { get; private set; } = null!;

    public string AdminToken { get; private set; } = null!;

    /// <summary>A channel whose every call carries the bearer token (or none).</summary>
    public GrpcChannel ChannelWith(string? token) => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        Credentials = token is null
            ? ChannelCredentials.Insecure
            : ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }
}
