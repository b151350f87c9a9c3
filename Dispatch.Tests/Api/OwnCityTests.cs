using System.Globalization;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Dispatch.Silo.Hosting;
using Dispatch.Tests.Support;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Api;

/// <summary>A user brings their own city: hospitals in a region file, roads from an OpenStreetMap extract.</summary>
public sealed class OwnCityTests
{
    [Fact]
    public async Task Engine_WithOsmRoads_RoutesOnThem()
    {
        var regionFile = Path.Combine(Path.GetTempPath(), $"kirchberg-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(regionFile, """
            {"type":"FeatureCollection","name":"Kirchberg","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[10.0855,48.1330]},
              "properties":{"kind":"hospital","id":"h-k","name":"Kirchberg clinic","level":"county","capabilities":["ct","thrombolysis"]}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[10.0840,48.1345]},
              "properties":{"kind":"station","id":"st-k","name":"Kirchberg station","ambulances":["amb-k"]}}]}
            """);
        var webPort = FreePorts.Next();
        var app = DispatchHost.Create(
        [
            "--region", regionFile,
            "--roads", Path.Combine(AppContext.BaseDirectory, "TestData", "osm", "kirchberg-an-der-iller.osm"),
            "--silo-port", FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            "--Kestrel:Endpoints:Api:Url", "http://127.0.0.1:0",
            "--Kestrel:Endpoints:Web:Url", $"http://127.0.0.1:{webPort}",
        ]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(a => new Uri(a).Port != webPort);
            var admin = new TokenIssuer(new AuthOptions(), TimeProvider.System).Issue(DispatchRoles.Admin);
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("Authorization", $"Bearer {admin}");
                    return Task.CompletedTask;
                })),
                UnsafeUseInsecureChannelCallCredentials = true,
            });

            var region = await new RegionService.RegionServiceClient(channel).GetRegionAsync(new GetRegionRequest());
            var travel = await new RoutingService.RoutingServiceClient(channel).GetTravelTimeAsync(new GetTravelTimeRequest
            {
                From = new GeoPoint { Latitude = 48.1345, Longitude = 10.0840 },
                HospitalId = "h-k",
            });

            Assert.Equal(("Kirchberg", 4), (region.Name, region.RoadSegments));
            Assert.True(travel.HasMinutes);
            Assert.InRange(travel.Minutes, 0.1, 10);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            File.Delete(regionFile);
        }
    }
}
