using Dispatch.Api.Security;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Api.Dashboard;

/// <summary>
/// Mints a token for a chosen role, for the pages' sign-in during development only. The
/// development signing key is public anyway (anyone can make such a token), and in development
/// the engine listens on loopback only; outside development this endpoint does not exist.
/// </summary>
public static class DevelopmentSignIn
{
    public static IResult Issue(DevelopmentTokenRequest request, TokenIssuer issuer, Grains.Regions.RegionCatalog catalog)
    {
        if (!DispatchRoles.All.Contains(request.Role))
        {
            return Results.BadRequest($"unknown role '{request.Role}'; roles are {string.Join(", ", DispatchRoles.All)}");
        }

        if (request.Role == DispatchRoles.Hospital && !catalog.Region.Hospitals.Any(h => h.Id == request.HospitalId))
        {
            return Results.BadRequest($"unknown hospital '{request.HospitalId}'");
        }

        var token = issuer.Issue(
            request.Role,
            ambulanceId: request.Role == DispatchRoles.Crew ? request.AmbulanceId : null,
            hospitalId: request.Role == DispatchRoles.Hospital ? request.HospitalId : null,
            region: request.Role == DispatchRoles.Coordinator ? catalog.Region.Name : null,
            subject: $"dashboard-{request.Role}-{request.HospitalId ?? request.AmbulanceId ?? "dev"}");
        return Results.Ok(new DevelopmentTokenResponse(token));
    }
}
