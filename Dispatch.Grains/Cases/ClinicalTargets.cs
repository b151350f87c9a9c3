namespace Dispatch.Grains.Cases;

/// <summary>
/// Time targets in minutes. Defaults follow the guidelines a chest-pain or stroke centre is
/// accredited against (ACC/AHA, ESC, China Chest Pain Center, AHA Target: Stroke, NFPA 1225);
/// a region overrides them in configuration section "Dispatch:Targets".
/// </summary>
public sealed class ClinicalTargets
{
    public const string SectionName = "Dispatch:Targets";

    /// <summary>NFPA 1225: call processing within 60 s.</summary>
    public double CallToDispatch { get; set; } = 1;

    /// <summary>ESC and China CPC: first ECG within 10 min of first medical contact.</summary>
    public double FmcToEcg { get; set; } = 10;

    /// <summary>Mission: Lifeline: FMC→device ≤ 90 min when taken straight to a PCI centre.</summary>
    public double FmcToDeviceDirect { get; set; } = 90;

    /// <summary>ACC/AHA: FMC→device ≤ 120 min when transferred from another hospital.</summary>
    public double FmcToDeviceTransferred { get; set; } = 120;

    /// <summary>China CPC: door→device ≤ 90 min.</summary>
    public double DoorToDevice { get; set; } = 90;

    /// <summary>ACC/AHA: door-in-door-out at a referring hospital ≤ 30 min.</summary>
    public double DoorInDoorOut { get; set; } = 30;

    /// <summary>ACC/AHA: STEMI fibrinolysis door→needle ≤ 30 min.</summary>
    public double StemiDoorToNeedle { get; set; } = 30;

    /// <summary>AHA Target: Stroke: door→needle ≤ 60 min.</summary>
    public double StrokeDoorToNeedle { get; set; } = 60;

    /// <summary>
    /// Onset→door for stroke: the 4.5 h lytic window less the 60 min door→needle target,
    /// so that a patient arriving in time can still be treated in time.
    /// </summary>
    public double StrokeOnsetToDoor { get; set; } = 210;
}
