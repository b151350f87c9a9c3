using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Metrics;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Metrics;
using Dispatch.Grains.Storage;
using Dispatch.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Dispatch.Tests.Grains;

/// <summary>The region's daily record: cases report to it without waiting; it keeps the day in memory and saves it behind them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClinicalRecordGrainTests(ClusterFixture fixture)
{
    /// <summary>Not a speed limit: a case that waited for the held save would wait for ever.</summary>
    private static readonly TimeSpan NeverComes = TimeSpan.FromSeconds(30);

    private IClinicalRecordGrain Record => fixture.Grains.GetGrain<IClinicalRecordGrain>(IClinicalRecordGrain.RegionKey);

    [Fact]
    public async Task AnUpdate_CountsInTodaysFigures_AndIsStoredWithinASecond()
    {
        var before = (await Record.Today()).Calls;
        var caseId = $"case-record-{Guid.NewGuid():N}";

        // One-way: the call returns before the record has the outcome.
        await Record.Update(Outcome(caseId));

        await TodayCounts(before + 1);
        await Eventually.Get(async () =>
        {
            TestClock.Shared.Advance(TimeSpan.FromSeconds(1));
            return (await Stored()).ContainsKey(caseId);
        }, stored => stored, $"{caseId} in the stored record");
    }

    [Fact]
    public async Task TheDaysRecord_OutlivesItsActivation()
    {
        var before = (await Record.Today()).Calls;
        var caseId = $"case-record-{Guid.NewGuid():N}";
        await Record.Update(Outcome(caseId));
        var figures = await TodayCounts(before + 1);

        await Record.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        await Eventually.Get(async () => (await Stored()).ContainsKey(caseId), stored => stored, $"{caseId} saved on deactivation");
        Assert.Equal(figures.Calls, (await Record.Today()).Calls);
    }

    [Fact]
    public async Task ACaseOpens_WhileTheDaysRecordIsBeingSaved()
    {
        var before = (await Record.Today()).Calls;
        await OpenCase("first");
        using (var hold = Storage.HoldWrites("clinical-record"))
        {
            // The save a second after the first case's report starts, and waits in the store.
            TestClock.Shared.Advance(ClinicalRecordGrain.SaveInterval);
            await hold.Reached.WaitAsync(NeverComes);

            var second = await OpenCase("second").WaitAsync(NeverComes);

            Assert.Equal(CasePhase.Open, second.Phase);
        }

        await TodayCounts(before + 2);
    }

    /// <summary>Today's figures once they count this many calls: reports are one-way, so they arrive a moment after their call returns.</summary>
    private Task<ClinicalSummary> TodayCounts(int calls) =>
        Eventually.Get(Record.Today, today => today.Calls == calls, $"{calls} calls in today's figures");

    private HeldGrainStorage Storage =>
        ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredService<HeldGrainStorage>();

    private async Task<CaseSnapshot> OpenCase(string name)
    {
        var caseId = $"case-record-{name}-{Guid.NewGuid():N}";
        return await fixture.Grains.GetGrain<ICaseGrain>(caseId).Open(new OpenCaseRequest($"open-{caseId}", new(38.0, 114.6), Complaint.ChestPain));
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
