namespace Dispatch.Contracts.Routing;

/// <summary>What the chosen destination is for.</summary>
[GenerateSerializer, Alias("dispatch.DestinationPlan")]
public enum DestinationPlan
{
    /// <summary>STEMI to a PCI centre within the FMC→device limit.</summary>
    PrimaryPci = 0,
    /// <summary>STEMI to a thrombolysis site first, onward transfer to PCI planned.</summary>
    DripAndShip = 1,
    /// <summary>STEMI to the best PCI centre although the limit cannot be met and no lytic site is reachable.</summary>
    PciBeyondTarget = 2,
    /// <summary>Suspected LVO stroke straight to a thrombectomy-capable centre.</summary>
    Thrombectomy = 3,
    /// <summary>Stroke to the nearest centre that can give IV thrombolysis.</summary>
    Thrombolysis = 4,
    /// <summary>Stroke outside every treatment window: nearest stroke-capable hospital.</summary>
    StrokeCare = 5,
    /// <summary>Anything else: nearest hospital with an emergency department (CT).</summary>
    NearestEmergency = 6,
    /// <summary>Nothing suitable can be reached by road.</summary>
    NoReachableCentre = 7,
}
