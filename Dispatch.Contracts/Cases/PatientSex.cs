namespace Dispatch.Contracts.Cases;

/// <summary>Needed only because the STEMI ST-elevation thresholds in V2–V3 depend on it.</summary>
[GenerateSerializer, Alias("dispatch.PatientSex")]
public enum PatientSex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
