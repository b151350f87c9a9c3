using Dispatch.Contracts.Geo;

namespace Dispatch.Contracts.Hospitals;

/// <summary>The fixed facts of a hospital as the region file states them.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.HospitalProfile")]
public sealed record HospitalProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] HospitalLevel Level,
    [property: Id(3)] Capabilities Capabilities,
    [property: Id(4)] int CathLabs,
    [property: Id(5)] GeoPoint Location,
    [property: Id(6)] double? DoorToDeviceMinutes,
    [property: Id(7)] double? DoorToNeedleMinutes)
{
    public bool Can(Capabilities needed) => (Capabilities & needed) == needed;
}
