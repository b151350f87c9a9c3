namespace Dispatch.Contracts.Hospitals;

/// <summary>The five tiers of a regional medical alliance, top to bottom.</summary>
[GenerateSerializer, Alias("dispatch.HospitalLevel")]
public enum HospitalLevel
{
    Province = 0,
    City = 1,
    County = 2,
    Township = 3,
    Village = 4,
}
