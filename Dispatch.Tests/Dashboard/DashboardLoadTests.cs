using System.Globalization;
using System.Text.Json;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Tests.Dashboard;

/// <summary>
/// The regional map with 5,000 ambulances, all moving: every one is drawn, and the page's frame
/// times are measured against the same page with nothing moving (figures in the test output and
/// in docs/performance.md; no wall-clock limit is asserted).
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class DashboardLoadTests(FleetDashboardFixture engine, ITestOutputHelper output) : IClassFixture<FleetDashboardFixture>, IAsyncDisposable
{
    private const string MeasureFrames = """
        seconds => new Promise(resolve => {
          const gaps = []; const map = document.getElementById('map'); const drawsBefore = +map.dataset.frames;
          let last = performance.now(); const end = last + seconds * 1000;
          const frame = now => { gaps.push(now - last); last = now; if (now < end) requestAnimationFrame(frame); else {
            gaps.sort((a, b) => a - b); const at = q => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
            resolve({ frames: gaps.length, p50: at(0.5), p95: at(0.95), max: gaps[gaps.length - 1], over50: gaps.filter(g => g > 50).length,
                      draws: +map.dataset.frames - drawsBefore }); } };
          requestAnimationFrame(frame);
        })
        """;

    private readonly DashboardPages _pages = new(engine, output);

    [Fact]
    public async Task FiveThousandMovingAmbulances_AreAllDrawn_AndTheFrameTimesAreMeasured()
    {
        var region = await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest());
        var page = await _pages.Open(engine.Tokens.Issue(DispatchRoles.Coordinator, region: region.Name, subject: "load-coordinator"), "region.html");
        var map = page.Locator("#map");
        await Expect(map).ToHaveAttributeAsync("data-ambulances", FleetDashboardFixture.Ambulances.ToString(CultureInfo.InvariantCulture));
        var idle = await page.EvaluateAsync<JsonElement>(MeasureFrames, 10);

        using var stop = new CancellationTokenSource();
        var pump = Pump(region.Ambulances, stop.Token);
        await Expect(map).Not.ToHaveAttributeAsync("data-moves", "0");
        var moving = await page.EvaluateAsync<JsonElement>(MeasureFrames, 10);
        await _pages.Screenshot(page, "region-5000-ambulances");
        await stop.CancelAsync();
        var positions = await pump;
        var moves = int.Parse((await map.GetAttributeAsync("data-moves"))!, CultureInfo.InvariantCulture);

        output.WriteLine($"idle map:   {idle}");
        output.WriteLine($"5,000 moving ({positions} positions reported, {moves} moves drawn): {moving}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p95 frame time moving / idle: {moving.GetProperty("p95").GetDouble() / idle.GetProperty("p95").GetDouble():F2}"));
        Assert.True(moving.GetProperty("draws").GetInt32() > 0, "the map was not redrawn while the ambulances moved");
        Assert.True(moves > 0);
    }

    /// <summary>Every ambulance reports a new position, round after round, 64 calls at a time, until stopped.</summary>
    private async Task<int> Pump(int ambulances, CancellationToken stop)
    {
        var client = new AmbulanceService.AmbulanceServiceClient(engine.Channel);
        var start = await new RegionService.RegionServiceClient(engine.Channel).ListAmbulancesAsync(new ListAmbulancesRequest(), cancellationToken: stop);
        var home = start.Ambulances.Select((a, i) => (a.Id, a.Position, Phase: i * 0.7)).ToList();
        var reported = 0;
        await Task.Yield();
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            try
            {
                await Parallel.ForEachAsync(home, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = stop }, async (entry, token) =>
                {
                    var angle = (round * 0.3) + entry.Phase;
                    var position = new GeoPoint
                    {
                        Latitude = entry.Position.Latitude + (0.02 * Math.Sin(angle)),
                        Longitude = entry.Position.Longitude + (0.02 * Math.Cos(angle)),
                    };
                    await client.ReportPositionAsync(new ReportPositionRequest { AmbulanceId = entry.Id, Position = position }, cancellationToken: token);
                    Interlocked.Increment(ref reported);
                });
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Cancelled && stop.IsCancellationRequested)
            {
                break;
            }
        }

        return reported;
    }

    public ValueTask DisposeAsync() => _pages.DisposeAsync();
}
