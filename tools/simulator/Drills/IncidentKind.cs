namespace Dispatch.Simulator.Drills;

public enum IncidentKind
{
    Stemi,

    /// <summary>A stroke with a large-vessel occlusion: a positive LVO scale, a thrombectomy case.</summary>
    StrokeLvo,

    StrokeNonLvo,

    /// <summary>Chest pain that is not a STEMI: a normal ECG.</summary>
    OtherChestPain,

    Other,
}
