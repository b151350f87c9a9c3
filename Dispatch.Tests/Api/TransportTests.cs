using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Silo.Hosting;
using Dispatch.Simulator.Drills;
using Dispatch.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Tests.Api;

/// <summary>Plain HTTP/2 on loopback in development only; TLS and a signing key of its own everywhere else.</summary>
public sealed class TransportTests
{
    private const string OwnKey = "a-signing-key-of-this-deployment-only-and-at-least-32-bytes-long";

    [Theory]
    [InlineData("true", "http://0.0.0.0:0", "http://0.0.0.0:0: plain HTTP is allowed on loopback only; use https:// (see README: running with TLS)")]
    [InlineData("false", "http://127.0.0.1:0", "http://127.0.0.1:0: outside development every endpoint needs TLS (https://); see README: running with TLS")]
    public void AnEngineThatWouldSendPatientDataInTheClear_DoesNotStart(string development, string url, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DispatchHost.Create(Arguments(development, url, OwnKey)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void OutsideDevelopment_ThePublicDevelopmentKey_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DispatchHost.Create(Arguments("false", "https://127.0.0.1:0", AuthOptions.DevelopmentSigningKey)));

        Assert.Equal("Dispatch:Auth:SigningKey is the public development key; set a key of your own outside development", error.Message);
    }

    [Fact]
    public async Task WithTls_AndAKeyOfItsOwn_TheEngineServesOverTls_AndRefusesDevelopmentTokens()
    {
        using var certificate = SelfSigned();
        var pfx = TestRunFolder.NewPath(".pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        await using var engine = await EmbeddedEngine.Start(
        [
            .. Arguments("false", "https://127.0.0.1:0", OwnKey),
            "--Kestrel:Endpoints:Api:Certificate:Path", pfx,
            "--Kestrel:Endpoints:Api:Certificate:Password", "secret",
            "--Kestrel:Endpoints:Web:Url", $"https://127.0.0.1:{FreePorts.Next()}",
            "--Kestrel:Endpoints:Web:Certificate:Path", pfx,
            "--Kestrel:Endpoints:Web:Certificate:Password", "secret",
        ]);
        var address = engine.Address;
        var own = new TokenIssuer(new AuthOptions { SigningKey = OwnKey }, TimeProvider.System).Issue(DispatchRoles.EcgReader);
        var development = new TokenIssuer(new AuthOptions(), TimeProvider.System).Issue(DispatchRoles.EcgReader);

        var served = await new RegionService.RegionServiceClient(Channel(address, certificate, own)).GetRegionAsync(new GetRegionRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new RegionService.RegionServiceClient(Channel(address, certificate, development)).GetRegionAsync(new GetRegionRequest()).ResponseAsync);

        Assert.Equal("https", address.Scheme);
        Assert.NotEmpty(served.Name);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private static string[] Arguments(string development, string url, string key) =>
    [
        "--silo-port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--gateway-port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Dispatch:Development", development,
        "--Dispatch:Auth:SigningKey", key,
        "--Dispatch:Audit:Directory", TestRunFolder.NewPath(),
        "--Kestrel:Endpoints:Api:Url", url,
        "--Kestrel:Endpoints:Web:Url", url.Replace(":0", $":{FreePorts.Next()}", StringComparison.Ordinal),
    ];

    /// <summary>A channel that trusts exactly this certificate (as a client given the deployment's CA would).</summary>
    private static GrpcChannel Channel(Uri address, X509Certificate2 certificate, string token) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
        },
        Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        })),
    });

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
