using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Api.Security;

/// <summary>Makes signed tokens for a role (and the ambulance, hospital or region it is bound to).</summary>
public sealed class TokenIssuer(AuthOptions options, TimeProvider time)
{
    public static SymmetricSecurityKey Key(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public string Issue(string role, string? ambulanceId = null, string? hospitalId = null, string? region = null, string? subject = null)
    {
        if (!DispatchRoles.All.Contains(role))
        {
            throw new ArgumentException($"unknown role '{role}'; roles are {string.Join(", ", DispatchRoles.All)}", nameof(role));
        }

        var claims = new List<Claim> { new(DispatchClaims.Role, role), new(JwtRegisteredClaimNames.Sub, subject ?? role) };
        AddIf(claims, DispatchClaims.Ambulance, ambulanceId);
        AddIf(claims, DispatchClaims.Hospital, hospitalId);
        AddIf(claims, DispatchClaims.Region, region);
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.AddHours(options.TokenLifetimeHours),
            SigningCredentials = new SigningCredentials(Key(options), SecurityAlgorithms.HmacSha256),
        });
    }

    private static void AddIf(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
