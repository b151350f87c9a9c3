namespace Dispatch.Tests.Support;

/// <summary>An engine on the real clock, for drills: they run in real (if accelerated) time through the public API.</summary>
public sealed class RealTimeEngineFixture : EngineFixture
{
    protected override bool RealClock => true;
}
