using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Metrics;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Storage;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Dispatch.Tests.Grains;

/// <summary>The region's daily record: updated in memory at once, saved behind the cases' calls.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClinicalRecordGrainTests(ClusterFixture fixture)
{
    private IClinicalRecordGrain Record => fixture.Grains.GetGrain<IClinicalRecordGrain>(IClinicalRecordGrain.RegionKey);

    [Fact]
    public async Task AnUpdate_CountsInTodaysFigures_AtOnce_AndIsStoredWithinASecond()
    {
        var before = (await Record.Today()).Calls;
        var caseId = $"case-record-{Guid.NewGuid():N}";

        await Record.Update(Outcome(caseId));

        Assert.Equal(before + 1, (await Record.Today()).Calls);
        await Eventually.Get(async () =>
        {
            TestClock.Shared.Advance(TimeSpan.FromSeconds(1));
            return (await Stored()).ContainsKey(caseId);
        }, stored => stored, $"{caseId} in the stored record");
    }

    [Fact]
    public async Task TheDaysRecord_OutlivesItsActivation()
    {
        var caseId = $"case-record-{Guid.NewGuid():N}";
        await Record.Update(Outcome(caseId));
        var figures = await Record.Today();

        await Record.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        await Eventually.Get(async () => (await Stored()).ContainsKey(caseId), stored => stored, $"{caseId} saved on deactivation");
        Assert.Equal(figures.Calls, (await Record.Today()).Calls);
    }

    private static CaseOutcome Outcome(string caseId) =>
        new(caseId, TestClock.Shared.GetUtcNow(), Complaint.ChestPain, [new CaseMetric(CaseMetricNames.FmcToDevice, 80, 90)], Closed: true);

    /// <summary>What the storage provider holds for the record, read as a new activation would.</summary>
    private async Task<Dictionary<string, CaseOutcome>> Stored()
    {
        var silo = (InProcessSiloHandle)fixture.Cluster.Primary!;
        var storage = silo.SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Dispatch);
        var state = new GrainState<Dictionary<string, CaseOutcome>>(new Dictionary<string, CaseOutcome>());
        await storage.ReadStateAsync("clinical-record", Record.GetGrainId(), state);
        return state.State ?? [];
    }
}
