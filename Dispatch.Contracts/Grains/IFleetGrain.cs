using System.Collections.Immutable;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Routing;

namespace Dispatch.Contracts.Grains;

/// <summary>
/// Which ambulances are free and where (key: region), for choosing one for a new call.
/// Ambulances report status changes, and positions at most every 30 s while free.
/// </summary>
[Alias("dispatch.IFleetGrain")]
public interface IFleetGrain : IGrainWithStringKey
{
    const string RegionKey = "region";

    [Alias("Report")]
    Task Report(AmbulanceSnapshot snapshot);

    [Alias("GetAvailable")]
    Task<ImmutableArray<AvailableAmbulance>> GetAvailable();
}
