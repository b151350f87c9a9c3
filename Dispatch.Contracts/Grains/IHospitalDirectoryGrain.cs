using System.Collections.Immutable;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Contracts.Grains;

/// <summary>
/// The live status of every hospital in one place (key: region), so that a routing decision
/// reads it in one call. Hospitals report on every status change: a few per hour, not per second.
/// </summary>
[Alias("dispatch.IHospitalDirectoryGrain")]
public interface IHospitalDirectoryGrain : IGrainWithStringKey
{
    const string RegionKey = "region";

    [Alias("Report")]
    Task Report(HospitalSnapshot snapshot);

    [Alias("GetAll")]
    Task<ImmutableArray<HospitalSnapshot>> GetAll();
}
