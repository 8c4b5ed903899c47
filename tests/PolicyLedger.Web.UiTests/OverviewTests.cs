using Microsoft.Playwright;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>总览: the counts, lights, trend and overdue items the page shows are those `status` gives for the same scope and date.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Counts_lights_and_overdue_items_are_those_status_gives()
    {
        browser.Require();
        await using var server = await Seeds.KeyTasksServerAsync();
        var rows = await server.StatusAsync(Actor.LocalAdmin("test"), Seeds.Day);
        Assert.Equal(Seeds.KeyTasks2024Items, rows.Count);

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        Assert.Equal("总览", (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains($"共 {rows.Count} 项事项", await page.InnerTextAsync("p.lead"), StringComparison.Ordinal);

        foreach (var light in Enum.GetValues<TrafficLight>())
        {
            var expected = rows.Count(r => r.Status.State.Light() == light);
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.Locator($".light-{light.Code()} strong").InnerTextAsync()).Trim());
        }

        var stateRows = page.Locator("section[aria-labelledby='h-states'] tbody tr");
        Assert.Equal(TrackingStates.All.Count, await stateRows.CountAsync());
        foreach (var state in TrackingStates.All)
        {
            var cells = await stateRows.Filter(new() { HasText = state.Chinese() }).First.Locator("td").AllTextContentsAsync();
            Assert.Equal(rows.Count(r => r.Status.State == state).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[1].Trim());
        }

        var overdue = rows.Count(r => r.Status.State == TrackingState.Overdue);
        Assert.Contains($"逾期事项 {overdue} 项", await page.InnerTextAsync("#h-overdue"), StringComparison.Ordinal);
        Assert.Equal(Math.Min(50, overdue), await page.Locator("section[aria-labelledby='h-overdue'] tbody tr").CountAsync());

        // The charts are server-drawn SVG images with Chinese names, one bar per state.
        Assert.Equal(TrackingStates.All.Count, await page.Locator("svg.chart-states rect.bar").CountAsync());
        Assert.Equal("img", await page.Locator("svg.chart-states").GetAttributeAsync("role"));
        Assert.True(await page.Locator("svg.chart-trend").CountAsync() == 1);

        await Artifacts.ScreenshotAsync(page, "overview");
        await Artifacts.AssertAccessibleAsync(page, "总览");

    }
}
