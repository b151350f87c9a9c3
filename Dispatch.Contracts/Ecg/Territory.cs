namespace Dispatch.Contracts.Ecg;

/// <summary>Where an infarct shows, by the contiguous lead groups of the Fourth Universal Definition.</summary>
public enum Territory
{
    /// <summary>V1-V4.</summary>
    Anterior = 0,

    /// <summary>II, III, aVF.</summary>
    Inferior = 1,

    /// <summary>I, aVL, V5, V6.</summary>
    Lateral = 2,
}
