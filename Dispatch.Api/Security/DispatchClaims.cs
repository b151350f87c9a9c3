namespace Dispatch.Api.Security;

/// <summary>The claims a Dispatch token carries besides the standard ones.</summary>
public static class DispatchClaims
{
    public const string Role = "role";
    public const string Ambulance = "ambulance";
    public const string Hospital = "hospital";
    public const string Region = "region";
}
