using System.Collections.Immutable;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Contracts.Feed;

/// <summary>What changed in the region since the last batch: the latest state of each thing that changed.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.RegionChanges")]
public sealed record RegionChanges(
    [property: Id(0)] ImmutableArray<AmbulanceSnapshot> Ambulances,
    [property: Id(1)] ImmutableArray<CaseSummary> Cases,
    [property: Id(2)] ImmutableArray<HospitalSnapshot> Hospitals,
    [property: Id(3)] ImmutableArray<CaseAlert> Alerts);
