namespace Dispatch.Api.Dashboard;

/// <summary>A token from the development issuer.</summary>
public sealed record DevelopmentTokenResponse(string Token);
