using Dispatch.Ecg.Synthesis;

namespace Dispatch.Ecg.Validation;

/// <summary>One generated ECG of the validation set and what the analysis made of it.</summary>
public sealed record ValidationCase(SyntheticEcgSpec Spec, bool Flagged, bool RightTerritory, bool Confounded, bool PosteriorHint,
    int TrueBeats, int BeatsFound, int FalseBeats);
