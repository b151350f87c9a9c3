namespace Dispatch.Simulator.Stress;

/// <summary>The stress run: the engine's ECG ingest against the bare ceiling, and the ramp.</summary>
public sealed record StressResult(IngestCeiling Ingest, IReadOnlyList<StressLevel> Levels)
{
    public StressLevel? MostSustained => Levels.LastOrDefault(l => l.Held);
}
