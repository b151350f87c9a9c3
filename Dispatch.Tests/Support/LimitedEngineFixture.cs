namespace Dispatch.Tests.Support;

/// <summary>An engine with small per-identity limits, so that tests can reach them in a few calls.</summary>
public sealed class LimitedEngineFixture : EngineFixture
{
    protected override string[] Settings =>
    [
        "--Dispatch:Limits:CallsPerSecond", "1",
        "--Dispatch:Limits:CallBurst", "5",
        "--Dispatch:Limits:CrewMessagesPerSecond", "1",
        "--Dispatch:Limits:CrewMessageBurst", "10",
        "--Dispatch:Limits:StreamsPerIdentity", "2",
    ];
}
