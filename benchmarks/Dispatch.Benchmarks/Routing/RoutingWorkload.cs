using System.Collections.Immutable;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Regions.Generation;
using Dispatch.Grains.Routing;

namespace Dispatch.Benchmarks.Routing;

/// <summary>
/// The large generated region (≥ 100k road nodes, ≥ 200 hospitals) with its engine, and a fixed
/// set of STEMI patients scattered over it, shared by the routing benchmarks and the latency probe.
/// </summary>
public sealed class RoutingWorkload
{
    public RoutingWorkload(int queries = 1024)
    {
        Region = RegionGenerator.Generate(RegionGeneratorOptions.Large());
        Engine = new RoutingEngine(Region, new DestinationPolicyOptions(), TimeProvider.System);
        Hospitals = [.. Region.Hospitals.OrderBy(h => h.Id, StringComparer.Ordinal).Select(h => new HospitalSnapshot(h, 0, h.Can(Capabilities.Ct), false, [], null))];
        var random = new Random(1);
        var nodes = Engine.Graph.Nodes;
        var now = DateTimeOffset.UtcNow;
        Queries = [.. Enumerable.Range(0, queries).Select(_ =>
        {
            var near = nodes[random.Next(nodes.Count)];
            var place = new GeoPoint(near.Latitude + (random.NextDouble() - 0.5) * 0.01, near.Longitude + (random.NextDouble() - 0.5) * 0.01);
            return new DestinationQuery(place, Complaint.ChestPain, new Diagnosis(DiagnosisKind.SuspectedStemi), now, now.AddMinutes(-10));
        })];
    }

    public Region Region { get; }

    public RoutingEngine Engine { get; }

    public ImmutableArray<HospitalSnapshot> Hospitals { get; }

    public ImmutableArray<DestinationQuery> Queries { get; }

    /// <summary>The same decision without precomputed trees: one Dijkstra from the patient over the whole graph.</summary>
    public DestinationDecision DecideOnDemand(DestinationQuery query)
    {
        var index = Engine.Index;
        var from = Engine.Snapper.Snap(query.Location);
        var tree = OnDemandDijkstra.SecondsFrom(index, from);
        return Engine.Policy.Decide(query, Hospitals, id => OnDemandDijkstra.Minutes(index, tree, index.HospitalLocation(id)));
    }
}
