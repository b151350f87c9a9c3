namespace Dispatch.Simulator.Drills;

/// <summary>A scenario file that cannot be run; the message lists every problem found, each naming its field.</summary>
public sealed class ScenarioException(string path, IReadOnlyList<string> problems)
    : Exception($"{path}: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
