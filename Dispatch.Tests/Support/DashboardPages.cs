using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dispatch.Tests.Support;

/// <summary>Opens the dashboards as a signed-in person would, and keeps what they saw as screenshots.</summary>
internal sealed class DashboardPages(DashboardFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A fresh browser tab whose session already holds <paramref name="token"/> (as after pasting it on the sign-in page).</summary>
    public async Task<IPage> Open(string token, string page)
    {
        var context = await NewContext();
        await context.AddInitScriptAsync($"sessionStorage.setItem('dispatch.token', '{token}');");
        var tab = Watched(await context.NewPageAsync());
        await tab.GotoAsync(new Uri(fixture.WebAddress, $"/dashboard/{page}").ToString());
        return tab;
    }

    public async Task<IPage> SignInPage()
    {
        var tab = Watched(await (await NewContext()).NewPageAsync());
        await tab.GotoAsync(fixture.WebAddress.ToString());
        return tab;
    }

    public async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(DashboardFixture.ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>The page's console errors and uncaught exceptions go to the test's output, to explain a failure.</summary>
    private IPage Watched(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                output.WriteLine($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        return page;
    }

    private async Task<IBrowserContext> NewContext()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        _contexts.Add(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
