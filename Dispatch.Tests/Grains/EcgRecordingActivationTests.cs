using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Recording;
using Dispatch.Tests.Support;
using Orleans.Core.Internal;

namespace Dispatch.Tests.Grains;

/// <summary>
/// A failover in miniature: the case and its ECG recording are both gone from memory (as when their
/// silo died), and the next change to the case needs the recording's last sequence number for the
/// pre-alert, which activates the recording from its stored chunks while the case waits.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EcgRecordingActivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ACaseWaitingOnItsRecordingsActivation_IsNotCalledBackByIt_AndThePreAlertCountsTheStoredEcg()
    {
        var caseId = $"case-ecg-activation-{Guid.NewGuid():N}";
        var caseGrain = fixture.Grains.GetGrain<ICaseGrain>(caseId);
        await caseGrain.Open(new OpenCaseRequest($"open-{caseId}", new(38.0, 114.6), Complaint.ChestPain, PatientAge: 61, PatientSex: PatientSex.Female));
        var recording = fixture.Grains.GetGrain<IEcgRecordingGrain>(caseId);
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            Assert.True((await recording.Append(Chunk(caseId, sequence))).Stored);
        }

        await recording.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await caseGrain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        // Before the fix the recording's activation asked the busy case for the patient's age and sex,
        // and this call failed with Orleans' response timeout instead of returning.
        var routed = await caseGrain.Record(new CaseCommand($"destination-{caseId}", Milestone.DestinationChosen, null, "pci-1"));

        Assert.Equal("pci-1", routed.DestinationHospitalId);
        var preAlert = Assert.Single(await fixture.Grains.GetGrain<IHospitalGrain>("pci-1").GetPreAlerts(), a => a.CaseId == caseId);
        Assert.Equal(3, preAlert.EcgChunks);
        Assert.Equal(3, await recording.GetLastSequence());
        await caseGrain.Record(new CaseCommand($"close-{caseId}", Milestone.Closed));
    }

    private static EcgChunkData Chunk(string caseId, int sequence) => new(
        caseId, sequence, 500, 2.5, TestClock.Start.AddMilliseconds(250 * sequence),
        [.. Enumerable.Range(0, EcgChunkData.LeadCount).Select(lead => Enumerable.Range(0, 125).Select(i => (short)(lead * 10 + i % 7)).ToArray())]);
}
