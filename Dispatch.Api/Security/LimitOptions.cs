namespace Dispatch.Api.Security;

/// <summary>
/// Per-identity limits (configuration section "Dispatch:Limits"). The defaults leave a crew
/// streaming GPS at 1 Hz and ECG at 4 chunks a second ten times the room it needs, and stop a
/// runaway client before it slows the engine for everyone else.
/// </summary>
public sealed class LimitOptions
{
    public const string SectionName = "Dispatch:Limits";

    /// <summary>Calls (unary, or opening a stream) per second, sustained, per identity.</summary>
    public double CallsPerSecond { get; set; } = 50;

    /// <summary>Calls an identity may make at once before the sustained rate applies.</summary>
    public double CallBurst { get; set; } = 200;

    /// <summary>Messages per second on a crew stream, sustained, per identity.</summary>
    public double CrewMessagesPerSecond { get; set; } = 50;

    public double CrewMessageBurst { get; set; } = 1000;

    /// <summary>Streams one identity may hold open at once (a crew reconnecting, a centre with a few screens).</summary>
    public int StreamsPerIdentity { get; set; } = 8;

    /// <summary>The largest message the API accepts: a 2 s ECG chunk at 1 kHz is about 120 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 512 * 1024;

    /// <summary>Ids, command ids, scale names: anything that names something.</summary>
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Free text such as a milestone's note.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Items in one repeated field (ECG samples of a lead, points of an area).</summary>
    public int MaxRepeated { get; set; } = 20_000;
}
