using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class HospitalGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task UpdateStatus_ChangesOnlyTheFieldsThatAreSet()
    {
        var hospital = fixture.Grains.GetGrain<IHospitalGrain>("cty-1");

        await hospital.UpdateStatus(new HospitalStatusUpdate(OnDiversion: true));
        var snapshot = await hospital.UpdateStatus(new HospitalStatusUpdate(CtAvailable: false));

        Assert.True(snapshot.OnDiversion);
        Assert.False(snapshot.CtAvailable);
        Assert.Equal(TestClock.Shared.GetUtcNow(), snapshot.StatusUpdatedAt);
        await hospital.UpdateStatus(new HospitalStatusUpdate(CtAvailable: true, OnDiversion: false));
    }

    [Fact]
    public async Task UpdateStatus_MoreBusyCathLabsThanExist_IsRefusedAndKeepsTheOldStatus()
    {
        var hospital = fixture.Grains.GetGrain<IHospitalGrain>("pci-1");
        var before = await hospital.GetSnapshot();

        var error = await Assert.ThrowsAsync<RuleException>(() => hospital.UpdateStatus(new HospitalStatusUpdate(CathLabsBusy: 3)));

        Assert.Equal("cath labs busy must be between 0 and 2 at pci-1, got 3", error.Message);
        Assert.Equal(before.CathLabsBusy, (await hospital.GetSnapshot()).CathLabsBusy);
    }

    [Fact]
    public async Task UpdateStatus_CtOnAHospitalWithoutCt_IsRefused()
    {
        var error = await Assert.ThrowsAsync<RuleException>(() =>
            fixture.Grains.GetGrain<IHospitalGrain>("twp-1").UpdateStatus(new HospitalStatusUpdate(CtAvailable: false)));

        Assert.Equal(RuleViolation.InvalidArgument, error.Violation);
    }

    [Fact]
    public async Task GetSnapshot_UnknownHospital_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RuleException>(() => fixture.Grains.GetGrain<IHospitalGrain>("h-none").GetSnapshot());

        Assert.Equal(RuleViolation.NotFound, error.Violation);
    }
}
