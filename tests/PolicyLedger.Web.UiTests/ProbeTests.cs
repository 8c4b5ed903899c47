using Microsoft.Playwright;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

[Collection(BrowserCollection.Name)]
public sealed class ProbeTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Login_page_renders_in_chinese()
    {
        browser.Require();
        await using var server = await LiveServer.StartAsync(new DateOnly(2024, 7, 3));
        await server.AddUserAsync("admin", "admin");
        await using var context = await browser.ContextAsync(server);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await Artifacts.ScreenshotAsync(page, "probe-login");
        await Artifacts.AssertAccessibleAsync(page, "login");
        await Browse.SignInAsync(page, "admin");
        await Artifacts.ScreenshotAsync(page, "probe-index");
        Assert.Contains("总览", await page.InnerTextAsync("h1"));
    }
}
