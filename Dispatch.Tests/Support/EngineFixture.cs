using Dispatch.Api.Security;
using Dispatch.Silo.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Support;

/// <summary>
/// The engine as a user runs it (silo + gRPC API, bundled sample region) on loopback ports,
/// with a fake clock, and a real gRPC channel to it.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(TestClock.Start);

    public Uri Address { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = DispatchHost.Create(
            [
                "--silo-port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--Kestrel:Endpoints:Api:Url", "http://127.0.0.1:0",
            ],
            builder => builder.Services.AddSingleton<TimeProvider>(Clock));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address);
        Tokens = new TokenIssuer(new AuthOptions(), TimeProvider.System);
        AdminToken = Tokens.Issue(DispatchRoles.Admin, subject: "test-admin");
        Channel = ChannelWith(AdminToken);
    }

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
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
