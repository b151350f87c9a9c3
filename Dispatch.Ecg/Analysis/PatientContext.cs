using Dispatch.Contracts.Cases;

namespace Dispatch.Ecg.Analysis;

/// <summary>What the V2–V3 thresholds depend on. Unknown sex takes the lowest threshold: a screen should not miss.</summary>
public sealed record PatientContext(int? Age, PatientSex Sex)
{
    public static readonly PatientContext Unknown = new(null, PatientSex.Unknown);
}
