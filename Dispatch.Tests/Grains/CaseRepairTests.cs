using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Grains;
using Dispatch.Tests.Support;
using Orleans.Core.Internal;

namespace Dispatch.Tests.Grains;

/// <summary>
/// A change written to the case whose pre-alert never reached the destination (the hospital's silo
/// died in between): played here by taking the pre-alert off the hospital behind the case's back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseRepairTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheClientsRetryOfTheDestinationCommand_SendsThePreAlertThatWasLost()
    {
        var (caseGrain, caseId, chosen, hospital) = await CaseWhosePreAlertWasLost("retry");

        var retried = await caseGrain.ChooseDestination($"choose-{caseId}");

        Assert.Equal(chosen.DestinationHospitalId, retried.DestinationHospitalId);
        Assert.Contains(await hospital.GetPreAlerts(), a => a.CaseId == caseId);
        await caseGrain.Record(new CaseCommand($"close-{caseId}", Milestone.Closed));
    }

    [Fact]
    public async Task ACaseActivatedFromStateWrittenBeforeItsNotifications_SendsThePreAlertItself()
    {
        var (caseGrain, caseId, _, hospital) = await CaseWhosePreAlertWasLost("activation");
        await caseGrain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        // Any call activates it; no client retries anything.
        await caseGrain.GetSummary();
        await Eventually.Get(async () =>
        {
            // The repair runs on a grain timer, which keeps the silo's (test) clock.
            TestClock.Shared.Advance(TimeSpan.FromSeconds(1));
            return (await hospital.GetPreAlerts()).Any(a => a.CaseId == caseId);
        }, sent => sent, "the reactivated case to send its destination the pre-alert");
        await caseGrain.Record(new CaseCommand($"close-{caseId}", Milestone.Closed));
    }

    /// <summary>A case with its destination chosen, whose pre-alert is then taken off the hospital.</summary>
    private async Task<(ICaseGrain Grain, string Id, CaseSnapshot Chosen, IHospitalGrain Destination)> CaseWhosePreAlertWasLost(string name)
    {
        var caseId = $"case-repair-{name}-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ICaseGrain>(caseId);
        await grain.Open(new OpenCaseRequest($"open-{caseId}", new(38.0, 114.6), Complaint.ChestPain));
        var chosen = await grain.ChooseDestination($"choose-{caseId}");
        var hospital = fixture.Grains.GetGrain<IHospitalGrain>(chosen.DestinationHospitalId!);
        await hospital.RemoveIncoming(caseId, PreAlertKind.Withdrawn);
        return (grain, caseId, chosen, hospital);
    }
}
