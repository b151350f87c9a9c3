using System.Security.Claims;
using Dispatch.Contracts.Cases;
using Grpc.Core;

namespace Dispatch.Api.Security;

/// <summary>Who is calling, from their token, and the checks that bind a role to its own ambulance, hospital or region.</summary>
public sealed class Caller(ClaimsPrincipal user)
{
    public string Role { get; } = user.FindFirstValue(DispatchClaims.Role) ?? "";

    public string? AmbulanceId { get; } = user.FindFirstValue(DispatchClaims.Ambulance);

    public string? HospitalId { get; } = user.FindFirstValue(DispatchClaims.Hospital);

    public string? Region { get; } = user.FindFirstValue(DispatchClaims.Region);

    public string Subject { get; } = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? "anonymous";

    /// <summary>
    /// Whom limits are counted for: the token's role, subject and what it is bound to. Built once: a
    /// crew stream asks for it on every message.
    /// </summary>
    public string Identity => field ??= $"{Role}|{Subject}|{AmbulanceId}|{HospitalId}|{Region}";

    public bool Is(params string[] roles) => roles.Contains(Role);

    /// <summary>The call's caller, read from its token once and kept on the call (the interceptors and the service all ask).</summary>
    public static Caller Of(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.Items.TryGetValue(typeof(Caller), out var known) && known is Caller caller)
        {
            return caller;
        }

        caller = new Caller(http.User);
        http.Items[typeof(Caller)] = caller;
        return caller;
    }

    /// <summary>A crew may act only for its own ambulance.</summary>
    public void EnsureAmbulance(string ambulanceId)
    {
        if (Role == DispatchRoles.Crew && AmbulanceId != ambulanceId)
        {
            throw Denied($"a crew token for {AmbulanceId} cannot act for ambulance {ambulanceId}");
        }
    }

    /// <summary>A hospital may act only for itself.</summary>
    public void EnsureHospital(string hospitalId)
    {
        if (Role == DispatchRoles.Hospital && HospitalId != hospitalId)
        {
            throw Denied($"a hospital token for {HospitalId} cannot act for {hospitalId}");
        }
    }

    /// <summary>
    /// Crews see their own current case; hospitals the patients heading to them or there; readers,
    /// coordinators and admins any case in the region.
    /// </summary>
    public void EnsureCanSee(CaseSnapshot snapshot)
    {
        var allowed = Role switch
        {
            DispatchRoles.Crew => snapshot.AmbulanceId == AmbulanceId && snapshot.Phase != CasePhase.Closed,
            DispatchRoles.Hospital => snapshot.DestinationHospitalId == HospitalId || snapshot.CurrentHospitalId == HospitalId,
            _ => true,
        };
        if (!allowed)
        {
            throw Denied($"this {Role} token cannot see case {snapshot.CaseId}");
        }
    }

    public static RpcException Denied(string why) => new(new Status(StatusCode.PermissionDenied, why));
}
