using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Grains;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Grains;

/// <summary>An ignored pre-alert repeats every 2 minutes and escalates after 5, by the (fake) clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PreAlertChaseTests(ClusterFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task IgnoredPreAlert_Repeats_ThenEscalatesToCoordinators_AndStopsOnceAcknowledged()
    {
        var caseGrain = fixture.Grains.GetGrain<ICaseGrain>($"case-chase-{_run}");
        await caseGrain.Open(new OpenCaseRequest($"open-chase-{_run}", new(38.0, 114.6), Complaint.ChestPain));
        await caseGrain.Record(new CaseCommand($"dest-{_run}", Milestone.DestinationChosen, HospitalId: "cty-1"));
        var hospital = fixture.Grains.GetGrain<IHospitalGrain>("cty-1");
        var sent = TestClock.Shared.GetUtcNow();

        TestClock.Shared.Advance(TimeSpan.FromMinutes(1));
        await caseGrain.ChasePreAlert();
        var afterOne = await PreAlertFor(hospital);
        TestClock.Shared.Advance(TimeSpan.FromMinutes(1));
        await caseGrain.ChasePreAlert();
        var afterTwo = await PreAlertFor(hospital);
        TestClock.Shared.Advance(TimeSpan.FromMinutes(3));
        await caseGrain.ChasePreAlert();
        var escalated = (await caseGrain.GetSnapshot())!;

        Assert.Equal(PreAlertKind.New, afterOne.Kind);
        Assert.Equal((PreAlertKind.Reminder, sent.AddMinutes(2)), (afterTwo.Kind, afterTwo.SentAt));
        var alert = Assert.Single(escalated.Alerts);
        Assert.Equal(("pre-alert-unacknowledged", "cty-1", sent.AddMinutes(5)), (alert.Kind, alert.HospitalId, alert.At));
        Assert.Equal("County Hospital has not acknowledged the pre-alert sent 5 min ago", alert.Message);

        await caseGrain.Record(new CaseCommand($"ack-{_run}", Milestone.PreAlertAcknowledged, HospitalId: "cty-1"));
        TestClock.Shared.Advance(TimeSpan.FromMinutes(10));
        await caseGrain.ChasePreAlert();

        var after = await PreAlertFor(hospital);
        Assert.NotEqual(PreAlertKind.Reminder, after.Kind);
        Assert.Single((await caseGrain.GetSnapshot())!.Alerts);
        await caseGrain.Record(new CaseCommand($"close-{_run}", Milestone.Closed));
    }

    private async Task<PreAlert> PreAlertFor(IHospitalGrain hospital) =>
        (await hospital.GetPreAlerts()).Single(a => a.CaseId == $"case-chase-{_run}");
}
