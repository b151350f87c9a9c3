using System.Collections.Immutable;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Orleans.Concurrency;

namespace Dispatch.Grains.Routing;

/// <summary>Answers routing questions from this silo's <see cref="RoutingEngine"/>.</summary>
[StatelessWorker]
public sealed class RoutingGrain(RoutingEngine engine) : Grain, IRoutingGrain
{
    /// <summary>
    /// How many of the nearest a dispatch is offered: it takes the first that accepts, so more than a
    /// surge of simultaneous calls can take between ranking and assignment is never needed.
    /// </summary>
    public const int RankingDepth = 64;

    public async Task<DestinationDecision> Decide(DestinationQuery query, string policy)
    {
        var hospitals = await GrainFactory.GetGrain<IHospitalDirectoryGrain>(IHospitalDirectoryGrain.RegionKey).GetAll();
        return engine.Decide(query, hospitals, policy);
    }

    public async Task<ImmutableArray<AmbulanceCandidate>> RankAmbulances(GeoPoint scene)
    {
        var available = await GrainFactory.GetGrain<IFleetGrain>(IFleetGrain.RegionKey).GetAvailable();
        return [.. engine.RankAmbulances(scene, available, RankingDepth)];
    }

    public Task<double?> MinutesToHospital(GeoPoint from, string hospitalId)
    {
        var minutes = engine.MinutesToHospital(from, hospitalId);
        return Task.FromResult<double?>(double.IsFinite(minutes) ? minutes : null);
    }

    public Task<ImmutableArray<CentreReach>> CentresCovering(GeoPoint place, Capabilities capability) =>
        Task.FromResult<ImmutableArray<CentreReach>>([.. engine.CentresCovering(place, capability)]);

    public Task<CoverageReport> Coverage() => Task.FromResult(engine.Coverage());

    public Task<ImmutableArray<Isochrone>> Isochrones(Capabilities capability) =>
        Task.FromResult<ImmutableArray<Isochrone>>([.. engine.Isochrones(capability)]);
}
