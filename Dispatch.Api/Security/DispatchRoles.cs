namespace Dispatch.Api.Security;

/// <summary>The five roles a token can carry (claim "role").</summary>
public static class DispatchRoles
{
    /// <summary>An ambulance crew, bound to one ambulance (claim "ambulance").</summary>
    public const string Crew = "crew";

    /// <summary>A receiving centre, bound to one hospital (claim "hospital").</summary>
    public const string Hospital = "hospital";

    /// <summary>The regional tele-ECG centre's readers.</summary>
    public const string EcgReader = "ecg-reader";

    /// <summary>Regional coordinators and dispatchers, bound to a region (claim "region").</summary>
    public const string Coordinator = "coordinator";

    public const string Admin = "admin";

    public static readonly string[] All = [Crew, Hospital, EcgReader, Coordinator, Admin];
}
