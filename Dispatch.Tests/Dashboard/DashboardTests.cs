using Dispatch.Api.Mapping;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Ecg.Synthesis;
using Dispatch.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using DomainTerritory = Dispatch.Contracts.Ecg.Territory;

namespace Dispatch.Tests.Dashboard;

/// <summary>
/// The dashboards in Chromium, asserting what a coordinator or a hospital user sees: cases opened
/// over gRPC on the map and on the centre's page, acknowledgement, status toggles that change
/// routing, the 12-lead ECG, and one hospital kept out of another's patients.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture engine, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly DashboardPages _pages = new(engine, output);
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);

    [Fact]
    public async Task ACaseOpenedOverGrpc_AppearsOnTheRegionalMap_AndOnItsHospitalsPage()
    {
        var signIn = await _pages.SignInPage();
        await signIn.GetByLabel("Role").SelectOptionAsync("coordinator");
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in as this role" }).ClickAsync();
        await Expect(signIn.Locator("#connection")).ToHaveAttributeAsync("data-connection", "live");

        var routed = await StemiCalls.Routed(_cases, "dashboard-map", "amb-2");
        var listed = signIn.Locator($"#cases li[data-case-id='{routed.CaseId}']");
        await Expect(listed).ToContainTextAsync("chest pain");
        await Expect(listed).ToContainTextAsync("since call");
        var active = await signIn.Locator("#cases li").CountAsync();
        await Expect(signIn.Locator("#map")).ToHaveAttributeAsync("data-cases", active.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual("0", await signIn.Locator("#map").GetAttributeAsync("data-ambulances"));
        await Expect(signIn.Locator($"#banner [data-case-id='{routed.CaseId}'][data-kind='unacknowledged']")).ToContainTextAsync("pre-alert to");
        await signIn.GetByLabel("PCI").CheckAsync();
        await Expect(signIn.Locator("#map")).Not.ToHaveAttributeAsync("data-circle-polygons", new System.Text.RegularExpressions.Regex("^0?$"));
        await _pages.Screenshot(signIn, "region-with-case");

        var hospital = await _pages.Open(HospitalToken(routed.DestinationHospitalId), $"hospital.html?h={routed.DestinationHospitalId}");
        var card = hospital.Locator($"article[data-case-id='{routed.CaseId}']");
        await Expect(card).ToContainTextAsync($"Why here: {routed.Decision.Reason}");
        await Expect(card).ToContainTextAsync("ETA");
        await _pages.Screenshot(hospital, "hospital-incoming");
    }

    [Fact]
    public async Task ClickingAcknowledge_AndActivate_OnTheHospitalPage_LandOnTheCaseTimeline()
    {
        var routed = await StemiCalls.Routed(_cases, "dashboard-ack", "amb-3");
        var hospitalId = routed.DestinationHospitalId;
        var page = await _pages.Open(HospitalToken(hospitalId), $"hospital.html?h={hospitalId}");
        var card = page.Locator($"article[data-case-id='{routed.CaseId}']");

        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(card.Locator(".acknowledged")).ToContainTextAsync("Acknowledged");
        await Expect(page.Locator("#timeline li[data-milestone='PRE_ALERT_ACKNOWLEDGED']")).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Activate cath lab" }).ClickAsync();
        await Expect(page.Locator("#timeline li[data-milestone='TEAM_ACTIVATED']")).ToBeVisibleAsync();
        await _pages.Screenshot(page, "hospital-acknowledged");

        var timeline = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = routed.CaseId })).Timeline;
        var entry = Assert.Single(timeline, e => e.Milestone == Milestone.PreAlertAcknowledged);
        Assert.Equal((hospitalId, $"dashboard-hospital-{hospitalId}"), (entry.HospitalId, entry.RecordedBy));
        Assert.Contains(timeline, e => e.Milestone == Milestone.TeamActivated && e.HospitalId == hospitalId);
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        var coordinator = await _pages.Open(engine.Tokens.Issue(DispatchRoles.Coordinator, region: region, subject: "dashboard-coordinator"), "region.html");
        await Expect(coordinator.Locator($"#cases li[data-case-id='{routed.CaseId}']")).ToBeVisibleAsync();
        await Expect(coordinator.Locator($"#banner [data-case-id='{routed.CaseId}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DiversionToggled_OnTheHospitalPage_SendsTheNextStemiElsewhere()
    {
        var before = await StemiCalls.Routed(_cases, "dashboard-before", "amb-4");
        var hospitalId = before.DestinationHospitalId;
        var page = await _pages.Open(HospitalToken(hospitalId), $"hospital.html?h={hospitalId}");
        var diversion = page.GetByRole(AriaRole.Button, new() { Name = "Diversion" });
        await Expect(page.Locator("#title")).ToContainTextAsync("receiving centre");

        await diversion.ClickAsync();
        await Expect(diversion).ToHaveAttributeAsync("aria-pressed", "true");
        var after = await StemiCalls.Routed(_cases, "dashboard-after", "amb-5");
        await _pages.Screenshot(page, "hospital-on-diversion");
        await diversion.ClickAsync();
        await Expect(diversion).ToHaveAttributeAsync("aria-pressed", "false");

        Assert.NotEqual(hospitalId, after.DestinationHospitalId);
        Assert.Contains(after.Decision.Candidates, c => c.HospitalId == hospitalId && !c.Eligible);
    }

    [Fact]
    public async Task TheHospitalPage_DrawsThe12LeadEcg_TheCrewStreamed()
    {
        var routed = await StemiCalls.Routed(_cases, "dashboard-ecg", "amb-6");
        var ecg = SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Stemi, DomainTerritory.Anterior, StElevationMm: 3, HeartRate: 80), seconds: 10);
        var (crew, _) = await CrewClient.Connect(engine.Channel, "amb-6");
        await using (crew)
        {
            foreach (var chunk in SyntheticEcg.Chunks(ecg, routed.CaseId, TimeProvider.System.GetUtcNow()))
            {
                await crew.Send(new CrewMessage { Ecg = chunk.ToWire() });
            }

            var stored = await crew.Next(u => u.EcgAck?.Sequence == 40 || u.Rejected is not null, "the last chunk acknowledged");
            Assert.Null(stored.Rejected);
        }

        var page = await _pages.Open(HospitalToken(routed.DestinationHospitalId), $"hospital.html?h={routed.DestinationHospitalId}");
        await page.Locator($"article[data-case-id='{routed.CaseId}']").GetByRole(AriaRole.Button, new() { Name = "ECG and timeline" }).ClickAsync();

        var canvas = page.Locator("#ecg");
        await Expect(page.Locator("#ecg-title")).ToContainTextAsync(routed.CaseId);
        await Expect(canvas).ToHaveAttributeAsync("data-leads", "I,aVR,V1,V4,II,aVL,V2,V5,III,aVF,V3,V6");
        await Expect(canvas).ToHaveAttributeAsync("data-seconds", "10.0");
        var ink = await canvas.EvaluateAsync<int>("""
            c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
                   for (let i = 0; i < d.length; i += 4) if (d[i] < 80 && d[i + 1] < 80 && d[i + 2] < 80) n++; return n; }
            """);
        Assert.True(ink > 5000, $"the traces left {ink} dark pixels on the paper");
        await _pages.Screenshot(page, "hospital-ecg");
    }

    [Fact]
    public async Task AHospitalToken_SeesNothingOfAnotherHospitalsPatients()
    {
        var routed = await StemiCalls.Routed(_cases, "dashboard-other", "amb-7");
        var destination = routed.DestinationHospitalId;
        var other = routed.Decision.Candidates.Select(c => c.HospitalId).First(h => h != destination);

        var prying = await _pages.Open(HospitalToken(other), $"hospital.html?h={destination}");
        await Expect(prying.Locator("#connection")).ToHaveAttributeAsync("data-connection", "denied");
        await Expect(prying.Locator("#error")).ToContainTextAsync("Access denied");
        await Expect(prying.Locator($"[data-case-id='{routed.CaseId}']")).ToHaveCountAsync(0);
        await _pages.Screenshot(prying, "hospital-denied");

        var own = await _pages.Open(HospitalToken(other), $"hospital.html?h={other}");
        await Expect(own.Locator("#connection")).ToHaveAttributeAsync("data-connection", "live");
        await Expect(own.Locator($"[data-case-id='{routed.CaseId}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheMetricsPanel_ShowsTodaysDoorToDevice_AsTheApiReportsIt()
    {
        var coordinator = new CoordinatorService.CoordinatorServiceClient(engine.Channel);
        var measuredBefore = DoorToDevice(await coordinator.GetClinicalSummaryAsync(new GetClinicalSummaryRequest())).Minutes.Count;
        var routed = await StemiCalls.Routed(_cases, "dashboard-metrics", "amb-8");
        foreach (var milestone in new[] { Milestone.LeftScene, Milestone.ArrivedAtDoor, Milestone.Device })
        {
            await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
            {
                CaseId = routed.CaseId, CommandId = $"{milestone}-{routed.CaseId}", Milestone = milestone, HospitalId = routed.DestinationHospitalId,
            });
        }

        // Cases report to the day's figures one-way: the device time counts a moment after the call that recorded it.
        var summary = await Eventually.Get(async () => await coordinator.GetClinicalSummaryAsync(new GetClinicalSummaryRequest()),
            s => DoorToDevice(s).Minutes.Count > measuredBefore, "this case's door-to-device in today's figures");
        var doorToDevice = DoorToDevice(summary);
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        var page = await _pages.Open(engine.Tokens.Issue(DispatchRoles.Coordinator, region: region, subject: "dashboard-coordinator"), "region.html");

        var panel = page.Locator("[data-metric='door_to_device']");
        await Expect(panel).ToHaveAttributeAsync("data-measured", doorToDevice.Minutes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(panel).ToContainTextAsync($"median {doorToDevice.MedianMinutes:0} min");
        await Expect(page.Locator("[data-metric='today']")).ToContainTextAsync($"Today: {summary.Calls} calls");
        await _pages.Screenshot(page, "region-metrics");
    }

    private static MetricDistribution DoorToDevice(ClinicalSummary summary) => summary.Metrics.Single(m => m.Name == "door_to_device");

    [Fact]
    public async Task TheReader_RejectsAStemiFromTheWorklist_AndTheCaseRecordsTheReading()
    {
        var routed = await StemiCalls.Routed(_cases, "dashboard-reader", "amb-9");
        var ecg = SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Normal, HeartRate: 70), seconds: 10);
        var (crew, _) = await CrewClient.Connect(engine.Channel, "amb-9");
        await using (crew)
        {
            foreach (var chunk in SyntheticEcg.Chunks(ecg, routed.CaseId, TimeProvider.System.GetUtcNow()))
            {
                await crew.Send(new CrewMessage { Ecg = chunk.ToWire() });
            }

            Assert.Null((await crew.Next(u => u.EcgAck?.Sequence == 40 || u.Rejected is not null, "the last chunk acknowledged")).Rejected);
        }

        var page = await _pages.Open(engine.Tokens.Issue(DispatchRoles.EcgReader, subject: "dashboard-reader"), "reader.html");
        await page.Locator($"#worklist article[data-case-id='{routed.CaseId}']").ClickAsync();
        await Expect(page.Locator("#ecg")).ToHaveAttributeAsync("data-leads", "I,aVR,V1,V4,II,aVL,V2,V5,III,aVF,V3,V6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject STEMI" }).ClickAsync();

        await Expect(page.Locator($"#worklist article[data-case-id='{routed.CaseId}']")).ToHaveAttributeAsync("data-status", "rejected");
        var timeline = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = routed.CaseId })).Timeline;
        Assert.Contains(timeline, e => e.Milestone == Milestone.EcgRead && e.RecordedBy == "dashboard-reader");
        await _pages.Screenshot(page, "reader-rejected");
    }

    [Fact]
    public async Task TheRegionalDashboard_ReconnectsByItself_AndCatchesUpOnWhatHappenedMeanwhile()
    {
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        var page = await _pages.Open(engine.Tokens.Issue(DispatchRoles.Coordinator, region: region, subject: "dashboard-coordinator"), "region.html");
        var connection = page.Locator("#connection");
        await Expect(connection).ToHaveAttributeAsync("data-connection", "live");

        // Offline emulation keeps a request already under way; window.stop() ends it, as a dropped connection would.
        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("window.stop()");
        await Expect(connection).ToHaveAttributeAsync("data-connection", "reconnecting");
        var routed = await StemiCalls.Routed(_cases, "dashboard-offline", "amb-10");
        await _pages.Screenshot(page, "region-reconnecting");
        await page.Context.SetOfflineAsync(false);

        await Expect(connection).ToHaveAttributeAsync("data-connection", "live");
        await Expect(page.Locator($"#cases li[data-case-id='{routed.CaseId}']")).ToBeVisibleAsync();
    }

    private string HospitalToken(string hospitalId) =>
        engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: hospitalId, subject: $"dashboard-hospital-{hospitalId}");

    public ValueTask DisposeAsync() => _pages.DisposeAsync();
}
