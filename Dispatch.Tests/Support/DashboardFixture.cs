using Microsoft.Playwright;

namespace Dispatch.Tests.Support;

/// <summary>
/// An engine on the real clock (the pages count down against it) and Debian's headless Chromium
/// driven by Playwright. The registry's own browser download cannot be reached here, so the
/// browser is the system's, at /usr/bin/chromium (.ci/run installs it).
/// </summary>
public class DashboardFixture : EngineFixture, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    protected override bool RealClock => true;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output's TestResults/screenshots, kept as CI artifacts.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public new async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does");
        }

        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);

        // Waits for what the page eventually shows; the limit only stops a broken test from hanging.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
