namespace Dispatch.Simulator.Drills;

/// <summary>What a drill counts as it runs; every field is updated with Interlocked.</summary>
public sealed class DrillCounters
{
    public int CallsOpened;
    public int CallsClosed;
    public int GpsFixes;
    public int EcgChunksSent;
    public int EcgChunksAcked;
    public int PreAlertsReceived;
    public int PreAlertsDuplicated;
    public int Acknowledgements;
    public int Activations;
    public int Readings;
    public int Failures;
}
