using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Ambulances;
using Dispatch.Grains.Regions;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Ambulances;

/// <summary>What a dispatch is offered: the free ambulances, from each one's latest report.</summary>
public sealed class FleetBoardTests
{
    private static readonly GeoPoint CentralStation = new(38.00, 114.55);

    private readonly FleetBoard _board = new(new RegionCatalog(TestRegions.Small()));

    [Fact]
    public void BeforeAnyReport_EveryAmbulanceIsFreeAndParkedAtItsStation()
    {
        Assert.Equal(
            ["amb-1 st-1", "amb-2 st-1", "amb-3 st-2", "amb-4 st-1", "amb-5 st-1"],
            _board.Available.Select(a => $"{a.Id} {a.ParkedAtStationId}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnAmbulanceReportedBusy_IsNotOffered_UntilItReportsFreeAgain()
    {
        _board.Update(Report("amb-2", AmbulanceStatus.Dispatched, CentralStation));
        Assert.DoesNotContain("amb-2", _board.Available.Select(a => a.Id));

        _board.Update(Report("amb-2", AmbulanceStatus.Transporting, new GeoPoint(38.00, 114.70)));
        Assert.DoesNotContain("amb-2", _board.Available.Select(a => a.Id));

        _board.Update(Report("amb-2", AmbulanceStatus.Available, new GeoPoint(38.00, 114.70)));
        Assert.Equal(new AvailableAmbulance("amb-2", new GeoPoint(38.00, 114.70), null), _board.Available.Single(a => a.Id == "amb-2"));
    }

    [Fact]
    public void AFreeAmbulance_CountsAsParked_OnlyWithinTheParkingDistanceOfItsStation()
    {
        // 0.001° of latitude is 111 m: inside the 200 m; 0.003° (333 m) is not.
        _board.Update(Report("amb-1", AmbulanceStatus.Available, new GeoPoint(38.001, 114.55)));
        _board.Update(Report("amb-4", AmbulanceStatus.Available, new GeoPoint(38.003, 114.55)));

        Assert.Equal("st-1", _board.Available.Single(a => a.Id == "amb-1").ParkedAtStationId);
        Assert.Null(_board.Available.Single(a => a.Id == "amb-4").ParkedAtStationId);
    }

    [Fact]
    public void TheSameListIsHandedOut_UntilAReportChangesIt()
    {
        Assert.Same(Array(_board.Available), Array(_board.Available));

        // A busy ambulance reporting busy again changes nothing a dispatch sees.
        _board.Update(Report("amb-3", AmbulanceStatus.OnScene, CentralStation));
        var withoutAmb3 = _board.Available;
        _board.Update(Report("amb-3", AmbulanceStatus.OnScene, new GeoPoint(38.00, 114.60)));
        Assert.Same(Array(withoutAmb3), Array(_board.Available));

        _board.Update(Report("amb-5", AmbulanceStatus.Available, new GeoPoint(38.00, 114.60)));
        Assert.NotEqual(withoutAmb3, _board.Available);
        Assert.Equal(new GeoPoint(38.00, 114.60), _board.Available.Single(a => a.Id == "amb-5").Position);
    }

    private static AvailableAmbulance[]? Array(ImmutableArray<AvailableAmbulance> list) => ImmutableCollectionsMarshal.AsArray(list);

    private static AmbulanceSnapshot Report(string ambulance, AmbulanceStatus status, GeoPoint position) =>
        new(ambulance, ambulance == "amb-3" ? "st-2" : "st-1", status, position, DateTimeOffset.UnixEpoch, status == AmbulanceStatus.Available ? null : "case-1");
}
