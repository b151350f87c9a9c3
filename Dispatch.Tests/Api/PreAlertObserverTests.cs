using System.Threading.Channels;
using Dispatch.Api.Grpc;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Cases;
using Dispatch.Tests.Support;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Tests.Api;

/// <summary>
/// One centre's stream after a failover: the hospital's new activation sends the renewed registration
/// every current pre-alert, some of which the stream already passed on.
/// </summary>
public sealed class PreAlertObserverTests
{
    [Fact]
    public async Task APreAlertSentAgainToTheSameStream_ReachesTheCentreOnce_AndEveryNewOneStillDoes()
    {
        var outbox = Channel.CreateUnbounded<V1.PreAlert>();
        var observer = new PreAlertObserver(outbox.Writer);
        var announced = Alert("case-1", PreAlertKind.New, 0);
        var other = Alert("case-2", PreAlertKind.New, 1);

        await observer.PreAlert(announced);
        await observer.PreAlert(other);
        await observer.PreAlert(announced);                                  // the replay to the renewed registration
        await observer.PreAlert(other);
        await observer.PreAlert(Alert("case-1", PreAlertKind.Update, 2));    // news after it still comes
        await observer.PreAlert(Alert("case-1", PreAlertKind.Update, 2));
        await observer.PreAlert(Alert("case-2", PreAlertKind.Withdrawn, 3));
        await observer.PreAlert(Alert("case-2", PreAlertKind.New, 4));       // re-routed back here: a new announcement

        outbox.Writer.Complete();
        var passed = await outbox.Reader.ReadAllAsync().Select(a => $"{a.CaseId} {a.Kind}").ToListAsync();
        Assert.Equal(["case-1 New", "case-2 New", "case-1 Update", "case-2 Withdrawn", "case-2 New"], passed);
    }

    private static PreAlert Alert(string caseId, PreAlertKind kind, int minute) =>
        new(caseId, "pci-1", kind, Complaint.ChestPain, null, 12, "nearest PCI centre", TestClock.Start.AddMinutes(minute), 0, null, 60, PatientSex.Male);
}
