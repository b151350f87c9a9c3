namespace Dispatch.Tests.Support;

/// <summary>The browser tests: one engine and one Chromium, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
