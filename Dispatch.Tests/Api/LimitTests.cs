using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>Per-identity limits: a burst then a steady rate of calls, a cap on open streams, a rate of crew-stream messages.</summary>
public sealed class LimitTests(LimitedEngineFixture engine) : IClassFixture<LimitedEngineFixture>
{
    [Fact]
    public async Task CallsBeyondTheBurst_AreResourceExhausted_ForThatIdentityOnly_UntilTheBucketRefills()
    {
        using var greedy = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.EcgReader, subject: "greedy-reader"));
        using var patient = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.EcgReader, subject: "patient-reader"));
        var regions = new RegionService.RegionServiceClient(greedy);

        for (var i = 0; i < 5; i++)
        {
            await regions.GetRegionAsync(new GetRegionRequest());
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => regions.GetRegionAsync(new GetRegionRequest()).ResponseAsync);
        var other = await new RegionService.RegionServiceClient(patient).GetRegionAsync(new GetRegionRequest());
        engine.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterRefill = await regions.GetRegionAsync(new GetRegionRequest());

        Assert.Equal((StatusCode.ResourceExhausted, "rate limit: this identity may make 1 calls a second (bursts of 5); slow down and retry"),
            (refused.StatusCode, refused.Status.Detail));
        Assert.NotEmpty(other.Name);
        Assert.Equal(other.Name, afterRefill.Name);
    }

    [Fact]
    public async Task AThirdOpenStream_IsRefused_AndClosingOneMakesRoom()
    {
        var token = engine.Tokens.Issue(DispatchRoles.Coordinator, region: "Qinghe Prefecture (fictional)", subject: "busy-coordinator");
        using var channel = engine.ChannelWith(token);
        var coordinator = new CoordinatorService.CoordinatorServiceClient(channel);
        using var first = coordinator.WatchRegion(new WatchRegionRequest());
        using var second = coordinator.WatchRegion(new WatchRegionRequest());
        Assert.True(await first.ResponseStream.MoveNext());
        Assert.True(await second.ResponseStream.MoveNext());

        var third = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = coordinator.WatchRegion(new WatchRegionRequest());
            await call.ResponseStream.MoveNext();
        });
        first.Dispose();
        engine.Clock.Advance(TimeSpan.FromSeconds(10));
        var fourth = await Eventually.Get(async () =>
        {
            try
            {
                using var call = coordinator.WatchRegion(new WatchRegionRequest());
                return await call.ResponseStream.MoveNext();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                engine.Clock.Advance(TimeSpan.FromSeconds(1));
                return false;
            }
        }, opened => opened, "room for a stream once one closed");

        Assert.Equal((StatusCode.ResourceExhausted, "this identity already holds 2 open streams; close one first"), (third.StatusCode, third.Status.Detail));
        Assert.True(fourth);
    }

    [Fact]
    public async Task ACrewSendingTooFast_HasTheExcessRefused_AndItsStreamGoesOn()
    {
        using var channel = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Crew, ambulanceId: "amb-3", subject: "fast-crew"));
        var (crew, _) = await CrewClient.Connect(channel, "amb-3");
        await using var _ = crew;

        for (var i = 0; i < 14; i++)
        {
            await crew.Send(new CrewMessage { Gps = new GpsFix { Position = new GeoPoint { Latitude = 38.02 + i * 0.0001, Longitude = 114.49 } } });
        }

        var refusals = new List<CrewUpdate>();
        for (var i = 0; i < 4; i++)
        {
            refusals.Add(await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, $"refusal {i + 1} of 4"));
        }

        engine.Clock.Advance(TimeSpan.FromSeconds(5));
        await crew.Send(new CrewMessage { Gps = new GpsFix { Position = new GeoPoint { Latitude = 38.05, Longitude = 114.49 } } });
        var position = await Eventually.Get(() =>
            {
                // Each look costs the reader a call: the clock moves on so that looking never runs out.
                engine.Clock.Advance(TimeSpan.FromSeconds(1));
                return new AmbulanceService.AmbulanceServiceClient(engine.Channel).GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-3" }).ResponseAsync;
            },
            a => a.Position.Latitude == 38.05, "the fix sent after the bucket refilled");

        Assert.All(refusals, r => Assert.Equal(("ResourceExhausted", "rate limit: a crew stream carries at most 1 messages a second; this Gps was not applied"),
            (r.Rejected.Code, r.Rejected.Message)));
        Assert.Equal(38.05, position.Position.Latitude);
    }
}
