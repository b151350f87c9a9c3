namespace Dispatch.Tests.Support;

/// <summary>An engine routing by the naive nearest-hospital policy, the baseline drills compare against.</summary>
public sealed class NaiveEngineFixture : EngineFixture
{
    protected override string[] Settings => [.. base.Settings, "--Dispatch:Routing:Policy", "naive-nearest"];
}
