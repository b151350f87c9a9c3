using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Simulator.Drills;
using Dispatch.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Tests.Dashboard;

/// <summary>
/// The issue's "done when": with the engine and a running drill, a coordinator watching the
/// regional dashboard sees ambulances move and cases progress, live.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class DrillDashboardTests(DashboardFixture engine, ITestOutputHelper output) : IClassFixture<DashboardFixture>, IAsyncDisposable
{
    private readonly DashboardPages _pages = new(engine, output);

    [Fact]
    public async Task DuringTheSmokeDrill_TheCoordinatorSeesAmbulancesMove_AndCasesProgress()
    {
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        var page = await _pages.Open(engine.Tokens.Issue(DispatchRoles.Coordinator, region: region, subject: "drill-coordinator"), "region.html");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-connection", "live");
        var map = page.Locator("#map");
        await Expect(map).ToHaveAttributeAsync("data-moves", "0");

        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios", "smoke.json"));
        var sample = RegionLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "samples", "regions", "sample-city.geojson"));
        var drill = new DrillRunner(scenario, sample, engine.Address, new AuthOptions(), TimeProvider.System, TextWriter.Null).Run(CancellationToken.None);

        await Expect(page.Locator("#cases li[data-phase='transporting']").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(map).Not.ToHaveAttributeAsync("data-moves", "0");
        await Expect(page.Locator("[data-metric='today']")).Not.ToContainTextAsync("Today: 0 calls", new() { Timeout = 60_000 });
        await _pages.Screenshot(page, "region-during-drill");
        var result = await drill;

        Assert.True(result.Calls >= 10, $"only {result.Calls} calls");
        await Eventually.Get(async () => string.Join(" | ", await page.Locator("#cases li").AllInnerTextsAsync()), string.IsNullOrEmpty,
            "every case closed on the page");
        await _pages.Screenshot(page, "region-after-drill");
    }

    public ValueTask DisposeAsync() => _pages.DisposeAsync();
}
