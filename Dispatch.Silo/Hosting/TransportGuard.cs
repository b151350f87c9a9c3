using System.Net;
using Dispatch.Api.Security;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Refuses to start an engine that would carry patient data in the clear off this machine, or
/// accept tokens signed with the public development key outside development.
/// </summary>
public static class TransportGuard
{
    public static void Check(IConfiguration configuration, DispatchOptions options)
    {
        var urls = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        foreach (var url in urls)
        {
            var uri = new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal));
            if (uri.Scheme == Uri.UriSchemeHttp && !(options.Development && IsLoopback(uri.Host)))
            {
                throw new InvalidOperationException(options.Development
                    ? $"{url}: plain HTTP is allowed on loopback only; use https:// (see README: running with TLS)"
                    : $"{url}: outside development every endpoint needs TLS (https://); see README: running with TLS");
            }
        }

        if (!options.Development && auth.SigningKey == AuthOptions.DevelopmentSigningKey)
        {
            throw new InvalidOperationException("Dispatch:Auth:SigningKey is the public development key; set a key of your own outside development");
        }
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
