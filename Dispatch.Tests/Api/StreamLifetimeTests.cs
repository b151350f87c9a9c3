using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>
/// Orleans keeps stream observers by weak reference. A full garbage collection while a crew and
/// a centre are connected must not cost them a single update.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class StreamLifetimeTests(EngineFixture engine)
{
    [Fact]
    public async Task CrewAndCentre_StillGetTheirUpdates_AfterAGarbageCollection()
    {
        var cases = new CaseService.CaseServiceClient(engine.Channel);
        var run = Guid.NewGuid().ToString("N")[..8];
        var call = await cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"gc-{run}", Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
        });
        var (crew, _) = await CrewClient.Connect(engine.Channel, "amb-10");
        await using var _ = crew;
        await cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = call.CaseId, CommandId = $"gc-dispatch-{run}", Milestone = Milestone.AmbulanceDispatched, AmbulanceId = "amb-10",
        });
        await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Assignment, "the assignment");
        // The destination is one of the nearest PCI centres: watch them all, as their screens would.
        var nearest = (await new RoutingService.RoutingServiceClient(engine.Channel).GetCentresCoveringAsync(new GetCentresCoveringRequest
        {
            Place = call.Location, Capability = Capability.Pci,
        })).Centres.OrderBy(c => c.Minutes).Take(4).Select(c => c.HospitalId).ToList();
        var centres = nearest.ToDictionary(id => id,
            id => new HospitalService.HospitalServiceClient(engine.Channel).WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = id }));

        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        await crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"gc-scene-{run}", Milestone = Milestone.OnScene } });
        await crew.Send(new CrewMessage
        {
            Status = new CrewStatusChange { CommandId = $"gc-dx-{run}", Milestone = Milestone.Diagnosis, Diagnosis = new Diagnosis { Kind = DiagnosisKind.SuspectedStemi } },
        });
        var destination = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Destination, "the destination after a collection");

        Assert.Equal(call.CaseId, destination.Destination.CaseId);
        Assert.Contains(destination.Destination.HospitalId, nearest);
        var alerts = centres[destination.Destination.HospitalId].ResponseStream;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await alerts.MoveNext(limit.Token) && alerts.Current.CaseId != call.CaseId)
        {
        }

        Assert.Equal((call.CaseId, PreAlertKind.New), (alerts.Current.CaseId, alerts.Current.Kind));
        foreach (var watch in centres.Values)
        {
            watch.Dispose();
        }

        await cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"gc-close-{run}", Milestone = Milestone.Closed });
    }
}
