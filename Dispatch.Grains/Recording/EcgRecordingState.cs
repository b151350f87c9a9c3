using Dispatch.Contracts.Cases;

namespace Dispatch.Grains.Recording;

/// <summary>
/// What a recording keeps of its own besides the chunks: the patient's age and sex, which set the
/// analysis' thresholds. Stored here so that an activation rebuilds its analysis without asking the
/// case, which may be the very caller waiting for this activation.
/// </summary>
[GenerateSerializer, Alias("dispatch.EcgRecordingState")]
public sealed class EcgRecordingState
{
    [Id(0)] public bool PatientKnown { get; set; }
    [Id(1)] public int? PatientAge { get; set; }
    [Id(2)] public PatientSex PatientSex { get; set; }
}
