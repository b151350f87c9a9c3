using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// The destination policy's thresholds. Defaults follow the guidelines cited in
/// docs/routing.md; a region overrides them in configuration section "Dispatch:Routing".
/// </summary>
public sealed class DestinationPolicyOptions
{
    public const string SectionName = "Dispatch:Routing";

    /// <summary>
    /// Which policy chooses destinations: "guideline" (capability, treatment times, live status) or
    /// "naive-nearest" (the nearest hospital by road, whatever it can do), kept to measure against.
    /// </summary>
    public string Policy { get; set; } = DestinationPolicy.Name;

    /// <summary>Primary PCI when projected FMC→device is within this (ESC, ACC/AHA: 120 min).</summary>
    public double StemiFmcToDeviceLimitMinutes { get; set; } = 120;

    /// <summary>Used when a PCI centre does not state its door→device time.</summary>
    public double DefaultDoorToDeviceMinutes { get; set; } = 60;

    /// <summary>Used when a site does not state its door→needle time, for STEMI fibrinolysis (ACC/AHA target 30).</summary>
    public double DefaultStemiDoorToNeedleMinutes { get; set; } = 30;

    /// <summary>Used when a stroke centre does not state its door→needle time.</summary>
    public double DefaultStrokeDoorToNeedleMinutes { get; set; } = 45;

    /// <summary>An LVO patient bypasses to a thrombectomy centre when that delays thrombolysis by at most this (AHA 2017: 15).</summary>
    public double ThrombectomyBypassAllowanceMinutes { get; set; } = 15;

    public double LyticWindowHours { get; set; } = 4.5;

    public double ThrombectomyWindowHours { get; set; } = 6;

    /// <summary>The one-hour circle.</summary>
    public double CircleMinutes { get; set; } = 60;

    /// <summary>Speed of the leg between a place and its nearest road.</summary>
    public double AccessSpeedKmh { get; set; } = 20;

    /// <summary>The region's offset from UTC, for time-of-day congestion windows (China: +8).</summary>
    public double UtcOffsetHours { get; set; } = 8;

    /// <summary>Positive-at thresholds of prehospital LVO scales, by name (case-insensitive).</summary>
    public Dictionary<string, int> LvoThresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RACE"] = 5,
        ["FAST-ED"] = 4,
        ["LAMS"] = 4,
        ["G-FAST"] = 3,
        ["mG-FAST"] = 3,
        ["CG-FAST"] = 4,
    };
}
