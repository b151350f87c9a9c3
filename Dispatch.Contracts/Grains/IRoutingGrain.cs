using System.Collections.Immutable;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;

namespace Dispatch.Contracts.Grains;

/// <summary>
/// Road travel times and destination choice. A stateless worker: every silo answers from its
/// own copy of the precomputed travel-time trees, so calls never leave the silo.
/// </summary>
[Alias("dispatch.IRoutingGrain")]
public interface IRoutingGrain : IGrainWithIntegerKey
{
    /// <summary>The destination for a patient under the named policy ("guideline" or "naive-nearest").</summary>
    [Alias("Decide")]
    Task<DestinationDecision> Decide(DestinationQuery query, string policy);

    /// <summary>Available ambulances ranked by road ETA to the scene.</summary>
    [Alias("RankAmbulances")]
    Task<ImmutableArray<AmbulanceCandidate>> RankAmbulances(GeoPoint scene);

    [Alias("MinutesToHospital")]
    Task<double?> MinutesToHospital(GeoPoint from, string hospitalId);

    /// <summary>The centres with a capability whose one-hour circle contains the place, nearest first.</summary>
    [Alias("CentresCovering")]
    Task<ImmutableArray<CentreReach>> CentresCovering(GeoPoint place, Capabilities capability);

    [Alias("Coverage")]
    Task<CoverageReport> Coverage();

    [Alias("Isochrones")]
    Task<ImmutableArray<Isochrone>> Isochrones(Capabilities capability);
}
