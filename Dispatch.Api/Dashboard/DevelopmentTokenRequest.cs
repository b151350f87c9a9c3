namespace Dispatch.Api.Dashboard;

/// <summary>The role (and the hospital or ambulance it is bound to) the development sign-in is asked for.</summary>
public sealed record DevelopmentTokenRequest(string Role, string? HospitalId, string? AmbulanceId);
