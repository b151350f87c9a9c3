using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>The coordinators' stream over a real gRPC channel: snapshot, then coalesced changes.</summary>
[Collection(EngineCollection.Name)]
public sealed class CoordinatorStreamTests(EngineFixture engine)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Coordinator_GetsTheWholeRegion_ThenOnlyTheLatestOfWhatChanged()
    {
        using var watch = new CoordinatorService.CoordinatorServiceClient(engine.Channel).WatchRegion(new WatchRegionRequest());
        var updates = watch.ResponseStream;
        var snapshot = await Next(updates, u => u.Snapshot, "the snapshot");
        var (crew, _) = await CrewClient.Connect(engine.Channel, "amb-26");
        await using var _ = crew;
        var start = engine.Clock.GetUtcNow();
        var lastLatitude = 38.03 + 50 * 0.0001;

        // Fifty fixes inside one 250 ms window of the feed.
        for (var i = 1; i <= 50; i++)
        {
            await crew.Send(new CrewMessage
            {
                Gps = new GpsFix { Position = new GeoPoint { Latitude = 38.03 + i * 0.0001, Longitude = 114.5 }, At = Timestamp.FromDateTimeOffset(start.AddMilliseconds(i)) },
            });
        }

        var ambulances = new AmbulanceService.AmbulanceServiceClient(engine.Channel);
        await Eventually.Get(() => ambulances.GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-26" }).ResponseAsync,
            a => a.Position.Latitude == lastLatitude, "the fiftieth fix to be applied");
        var call = await new CaseService.CaseServiceClient(engine.Channel).OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"coordinator-{_run}", Location = new GeoPoint { Latitude = 38.01, Longitude = 114.47 }, Complaint = Complaint.StrokeSymptoms,
        });
        engine.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var moved = await Next(updates, u => u.Ambulances.Any(a => a.Id == "amb-26") && u.Cases.Any(c => c.CaseId == call.CaseId),
            "one update with the ambulance's position and the new case");

        Assert.Equal(30, snapshot.Ambulances.Count);
        Assert.Equal(64, snapshot.Hospitals.Count);
        var ambulance = Assert.Single(moved.Ambulances, a => a.Id == "amb-26");
        Assert.Equal(lastLatitude, ambulance.Position.Latitude);
        var summary = Assert.Single(moved.Cases, c => c.CaseId == call.CaseId);
        Assert.Equal((CasePhase.Open, Complaint.StrokeSymptoms), (summary.Phase, summary.Complaint));
        Assert.Equal(call.Timeline[0].At, summary.OpenedAt);
        await new CaseService.CaseServiceClient(engine.Channel).RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = call.CaseId, CommandId = $"close-{_run}", Milestone = Milestone.Closed,
        });
    }

    private static async Task<RegionUpdate> Next(IAsyncStreamReader<RegionUpdate> updates, Func<RegionUpdate, bool> match, string waitingFor)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await updates.MoveNext(limit.Token))
            {
                if (match(updates.Current))
                {
                    return updates.Current;
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
        }

        throw new TimeoutException($"the coordinator stream never brought {waitingFor}");
    }
}
