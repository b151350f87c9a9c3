namespace Dispatch.Tests.Support;

/// <summary>
/// Tests that load both cores for tens of seconds (fuzzing, drills, stress, ECG validation). They run
/// alone, after the rest: run beside the others they starve the in-process clusters' thread pools
/// and make unrelated tests time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "heavy";
}
