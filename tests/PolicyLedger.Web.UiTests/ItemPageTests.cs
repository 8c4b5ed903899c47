using Microsoft.Playwright;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>事项: one item reached from the 台账, its source sentence marked, its state and units those of `status`; an unknown key is said to be unknown.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ItemPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task An_item_shows_its_marked_source_state_and_units()
    {
        browser.Require();
        await using var server = await Seeds.KeyTasksServerAsync();
        var rows = await server.StatusAsync(Actor.LocalAdmin("test"), Seeds.Day);

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.GotoAsync("/ledger");
        var key = (await Browse.ItemKeysAsync(page))[2];
        await page.GetByRole(AriaRole.Link, new() { Name = "事项 " + key, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/item", StringComparison.Ordinal));
        var row = rows.Single(r => r.Item.Key == key);

        Assert.Equal("事项 " + key, (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(row.Status.State.Chinese(), (await page.Locator(".facts .badge").InnerTextAsync()).Trim());
        var units = await page.Locator("dt:text-is('责任单位') + dd").InnerTextAsync();
        Assert.All(row.Item.Units, u => Assert.Contains(u.Name, units, StringComparison.Ordinal));

        // The source is the stored text with the item and its unit mentions marked from their spans.
        var source = page.Locator("#item-source");
        Assert.True(await source.CountAsync() == 1, "the source text is shown");
        var clause = string.Concat(await source.Locator(".m-item").AllTextContentsAsync());
        Assert.False(string.IsNullOrWhiteSpace(clause), "the item's sentence is marked");
        var mentioned = await source.Locator(".m-lead, .m-responsible, .m-cooperating").AllTextContentsAsync();
        Assert.NotEmpty(mentioned);
        Assert.All(mentioned, m => Assert.Contains(m, clause, StringComparison.Ordinal));
        Assert.Contains("尚无报送", await page.InnerTextAsync("section[aria-labelledby='h-reports']"), StringComparison.Ordinal);

        // Figures and times are described in Chinese, not by the reader's codes (Percent, quarter …).
        var figures = await page.InnerTextAsync("section[aria-labelledby='h-figures']");
        Assert.DoesNotMatch(@"\b(Money|Percent|Measure|Ratio|quarter|half-year|month|week|year|day|ten-days)\b", figures);
        await Artifacts.ScreenshotAsync(page, "item");
        await Artifacts.AssertAccessibleAsync(page, "事项");

        var missing = await page.GotoAsync("/item?key=" + Uri.EscapeDataString("不存在的文件#1"));
        Assert.Equal(404, missing!.Status);
        Assert.Equal("事项", (await page.InnerTextAsync("h1")).Trim());
        Assert.NotEmpty((await page.InnerTextAsync("main")).Trim());
    }
}
