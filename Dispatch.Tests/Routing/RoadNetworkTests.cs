using System.Collections.Immutable;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Routing;

/// <summary>One-way streets, closures, congestion windows, coverage and ambulance ranking on a road the test can reason about.</summary>
public sealed class RoadNetworkTests
{
    // 0.1° of longitude at 38° N is 8.77 km; at 60 km/h that is 8.77 min.
    private static readonly GeoPoint West = new(38.0, 114.5);
    private static readonly GeoPoint Middle = new(38.0, 114.6);
    private static readonly GeoPoint East = new(38.0, 114.7);
    private static readonly GeoPoint FarVillage = new(38.0, 115.6);

    [Fact]
    public void OneWayRoad_CanOnlyBeDrivenInItsDirection()
    {
        var engine = Engine(new RoadSegment([West, Middle, East], 60, true, "One-way east"));

        var eastbound = engine.MinutesToHospital(West, "east");
        var westbound = engine.MinutesToHospital(East, "west");

        Assert.Equal(2 * Haversine.Km(West, Middle), eastbound, 3);
        Assert.True(double.IsPositiveInfinity(westbound));
    }

    [Fact]
    public void Closure_OnTheOnlyRoad_MakesTheCentreUnreachable_AndLiftingItRestoresTheEta()
    {
        var engine = Engine(new RoadSegment([West, Middle, East], 60, false, null));
        var before = engine.MinutesToHospital(West, "east");

        engine.SetConditions([Area("closure", Middle, double.PositiveInfinity)], 1);
        var closed = engine.MinutesToHospital(West, "east");
        engine.SetConditions([], 2);

        Assert.True(double.IsPositiveInfinity(closed));
        Assert.Equal(before, engine.MinutesToHospital(West, "east"));
    }

    [Fact]
    public void Congestion_InItsHoursOnly_MultipliesTravelTimeInsideTheArea()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 0, 30, 0, TimeSpan.Zero)); // 08:30 at UTC+8
        var engine = Engine(new RoadSegment([West, Middle, East], 60, false, null), clock);
        var free = engine.MinutesToHospital(West, "east");
        // The area covers only the western piece (its midpoint is at 114.55).
        var rush = new RoadCondition("rush", [new(37.9, 114.5), new(38.1, 114.5), new(38.1, 114.59), new(37.9, 114.59)], 2, 7, 9);

        engine.SetConditions([rush], 1);
        var inRush = engine.MinutesToHospital(West, "east");
        clock.Advance(TimeSpan.FromHours(1));
        var afterRush = engine.MinutesToHospital(West, "east");

        Assert.Equal(free + Haversine.Km(West, Middle), inRush, 3);
        Assert.Equal(free, afterRush, 6);
    }

    [Fact]
    public void CoverageReport_NamesThePlacesOutsideTheCircle()
    {
        var engine = Engine(new RoadSegment([West, Middle, East, FarVillage], 60, false, null));

        var pci = engine.Coverage().Capabilities.Single(c => c.Capability == Capabilities.Pci);

        var outside = Assert.Single(pci.Uncovered);
        Assert.Equal(("far-village", "hospital", "west"), (outside.Id, outside.Kind, outside.NearestCentreId));
        Assert.True(outside.NearestCentreMinutes > 60);
        Assert.Equal(Haversine.Km(West, Middle) + Haversine.Km(Middle, East), pci.CoveredRoadKm, 1);
        Assert.True(pci.CoveredShare is > 0.15 and < 0.25, $"share {pci.CoveredShare}");
    }

    [Fact]
    public void Isochrone_OutlinesTheReachableRoad()
    {
        var engine = Engine(new RoadSegment([West, Middle, East, FarVillage], 60, false, null));

        var circle = engine.Isochrones(Capabilities.Pci).Single(i => i.HospitalId == "west");

        Assert.Equal(60, circle.Minutes);
        Assert.Contains(circle.Outline, p => p == East);
        Assert.DoesNotContain(circle.Outline, p => p.Longitude > 115.2);
    }

    [Fact]
    public void AmbulanceRanking_OrdersByRoadEta_ParkedOrMoving()
    {
        var engine = Engine(new RoadSegment([West, Middle, East, FarVillage], 60, false, null));

        var ranked = engine.RankAmbulances(East,
        [
            new AvailableAmbulance("amb-parked-west", West, "st-west"),
            new AvailableAmbulance("amb-moving-middle", new GeoPoint(38.0, 114.65), null),
            new AvailableAmbulance("amb-far", FarVillage, null),
        ]);

        Assert.Equal(["amb-moving-middle", "amb-parked-west", "amb-far"], ranked.Select(r => r.AmbulanceId));
        Assert.Equal(2 * (Haversine.Km(West, Middle) + Haversine.Km(Middle, East)) / 2, ranked[1].EtaMinutes, 1);
        Assert.True(ranked[1].FromStation);
    }

    private static RoutingEngine Engine(RoadSegment road, TimeProvider? clock = null) => new(new Region("line",
        [
            new HospitalProfile("west", "West PCI", HospitalLevel.City, Capabilities.Pci | Capabilities.Ct, 1, West, null, null),
            new HospitalProfile("east", "East county", HospitalLevel.County, Capabilities.Thrombolysis | Capabilities.Ct, 0, East, null, null),
            new HospitalProfile("far-village", "Far village clinic", HospitalLevel.Village, Capabilities.None, 0, FarVillage, null, null),
        ],
        [new AmbulanceStation("st-west", "West station", West, ["amb-parked-west"])],
        [road]), new DestinationPolicyOptions(), clock ?? TestClock.Shared);

    private static RoadCondition Area(string id, GeoPoint around, double factor) =>
        new(id, [new(around.Latitude - 0.06, around.Longitude - 0.06), new(around.Latitude + 0.06, around.Longitude - 0.06),
            new(around.Latitude + 0.06, around.Longitude + 0.06), new(around.Latitude - 0.06, around.Longitude + 0.06)], factor);
}
