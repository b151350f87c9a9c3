using System.Collections.Concurrent;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Grains;
using Dispatch.Tests.Support;
using Orleans.Core.Internal;

namespace Dispatch.Tests.Grains;

/// <summary>
/// A hospital grain replaced by a new activation while a centre's stream is registered with it (Orleans
/// moves it when its silo, or the silo holding its directory entry, dies), before the stream renews.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HospitalActivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ANewActivation_TellsTheCentresRegisteredWithTheOneBefore_WithoutWaitingForTheirRenewal()
    {
        var caseId = $"case-hospital-activation-{Guid.NewGuid():N}";
        var centre = new Centre();
        var reference = fixture.Grains.CreateObjectReference<IHospitalObserver>(centre);
        var hospital = fixture.Grains.GetGrain<IHospitalGrain>("cty-1");
        await hospital.Subscribe(reference);
        await hospital.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        await hospital.PreAlert(new PreAlert(caseId, "cty-1", PreAlertKind.New, Complaint.ChestPain, null, 9, "nearest", TestClock.Shared.GetUtcNow(), 0, null, 70, PatientSex.Male));

        await Eventually.Get(() => Task.FromResult(centre.Seen.Contains(caseId)), seen => seen, "the pre-alert at the centre registered before the move");
        await hospital.RemoveIncoming(caseId, PreAlertKind.Withdrawn);
        await hospital.Unsubscribe(reference);
        fixture.Grains.DeleteObjectReference<IHospitalObserver>(reference);
    }

    private sealed class Centre : IHospitalObserver
    {
        public ConcurrentBag<string> Seen { get; } = [];

        public Task PreAlert(PreAlert alert)
        {
            Seen.Add(alert.CaseId);
            return Task.CompletedTask;
        }
    }
}
