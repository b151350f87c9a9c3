namespace Dispatch.Api.Security;

/// <summary>
/// How tokens are checked (configuration section "Dispatch:Auth"). The defaults are the
/// documented development issuer: fine on a laptop, refused by the engine outside development.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Dispatch:Auth";

    /// <summary>The key every development token is signed with. It is public: never use it in production.</summary>
    public const string DevelopmentSigningKey = "dispatch-development-signing-key-not-for-production-use-0123456789";

    public string Issuer { get; set; } = "dispatch-development";

    public string Audience { get; set; } = "dispatch";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of text.</summary>
    public string SigningKey { get; set; } = DevelopmentSigningKey;

    public double TokenLifetimeHours { get; set; } = 12;
}
