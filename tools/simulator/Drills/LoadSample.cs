namespace Dispatch.Simulator.Drills;

/// <summary>The load at one moment of a drill: calls under way and ECG chunks acknowledged so far.</summary>
public sealed record LoadSample(double DrillMinute, int ActiveCalls, int EcgChunksAcked, int GpsFixes);
