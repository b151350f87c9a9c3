namespace Dispatch.Api.Dashboard;

/// <summary>Where the built pages are, and whether the development sign-in may mint tokens.</summary>
public sealed record DashboardOptions(string AssetsPath, bool Development);
