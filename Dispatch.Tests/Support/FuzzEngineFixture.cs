namespace Dispatch.Tests.Support;

/// <summary>An engine of its own for the fuzzer, so that what it legitimately changes (closures, diversions) touches no other test.</summary>
public sealed class FuzzEngineFixture : EngineFixture;
