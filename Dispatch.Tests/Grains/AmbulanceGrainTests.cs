using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Grains;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class AmbulanceGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetSnapshot_BeforeAnyFix_IsAtItsStation()
    {
        var snapshot = await fixture.Grains.GetGrain<IAmbulanceGrain>("amb-3").GetSnapshot();

        Assert.Equal("st-2", snapshot.StationId);
        Assert.Equal(new GeoPoint(38.00, 114.95), snapshot.Position);
    }

    [Fact]
    public async Task ReportPosition_AnOlderFixThanTheLast_IsIgnored()
    {
        var ambulance = fixture.Grains.GetGrain<IAmbulanceGrain>("amb-4");
        var t = TestClock.Start.AddHours(5);

        await ambulance.ReportPosition(new GeoPoint(38.01, 114.60), t);
        var snapshot = await ambulance.ReportPosition(new GeoPoint(38.02, 114.70), t.AddSeconds(-1));

        Assert.Equal(new GeoPoint(38.01, 114.60), snapshot.Position);
        Assert.Equal(t, snapshot.PositionAt);
    }

    [Fact]
    public async Task ReportPosition_InvalidCoordinates_IsRefused()
    {
        var error = await Assert.ThrowsAsync<RuleException>(() =>
            fixture.Grains.GetGrain<IAmbulanceGrain>("amb-4").ReportPosition(new GeoPoint(double.NaN, 1), TestClock.Start));

        Assert.Equal(RuleViolation.InvalidArgument, error.Violation);
    }

    [Fact]
    public async Task SetStatus_WithoutACase_AllowsOnlyAvailableOrOutOfService()
    {
        var ambulance = fixture.Grains.GetGrain<IAmbulanceGrain>("amb-5");

        var error = await Assert.ThrowsAsync<RuleException>(() => ambulance.SetStatus(AmbulanceStatus.Transporting));
        var outOfService = await ambulance.SetStatus(AmbulanceStatus.OutOfService);
        var assign = await Assert.ThrowsAsync<RuleException>(() => ambulance.Assign(new Dispatch.Contracts.Crew.CrewAssignment("case-x", new GeoPoint(38, 114.6), Dispatch.Contracts.Cases.Complaint.Other, null)));
        var back = await ambulance.SetStatus(AmbulanceStatus.Available);

        Assert.Equal(RuleViolation.IllegalTransition, error.Violation);
        Assert.Equal(AmbulanceStatus.OutOfService, outOfService.Status);
        Assert.Equal("ambulance amb-5 is out of service", assign.Message);
        Assert.Equal(AmbulanceStatus.Available, back.Status);
    }

    [Fact]
    public async Task GetSnapshot_UnknownAmbulance_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RuleException>(() => fixture.Grains.GetGrain<IAmbulanceGrain>("amb-none").GetSnapshot());

        Assert.Equal("unknown ambulance 'amb-none'", error.Message);
    }
}
