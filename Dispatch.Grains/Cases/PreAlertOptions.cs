namespace Dispatch.Grains.Cases;

/// <summary>How an unacknowledged pre-alert is chased (configuration section "Dispatch:PreAlerts").</summary>
public sealed class PreAlertOptions
{
    public const string SectionName = "Dispatch:PreAlerts";

    /// <summary>Send the pre-alert again this long after the last time it was sent.</summary>
    public double RepeatEveryMinutes { get; set; } = 2;

    /// <summary>Tell the coordinators when nobody has acknowledged it this long after it was first sent.</summary>
    public double EscalateAfterMinutes { get; set; } = 5;
}
