namespace Dispatch.Ecg.Synthesis;

/// <summary>What a generated ECG shows.</summary>
public enum EcgCondition
{
    Normal,

    /// <summary>ST elevation in a territory (anterior, inferior or lateral), with reciprocal depression.</summary>
    Stemi,

    /// <summary>A left-bundle-branch-block-like wide QRS with discordant ST-T: a STEMI mimic that must be flagged, not called.</summary>
    WideQrs,

    /// <summary>Ventricular pacing: spikes and wide QRS.</summary>
    Paced,

    /// <summary>J-point elevation with a notch and tall T in V2-V5: a benign mimic, commonest in young men.</summary>
    EarlyRepolarisation,

    /// <summary>ST depression in V1-V3 with tall R in V2: the mirror image of a posterior infarct.</summary>
    PosteriorMi,
}
