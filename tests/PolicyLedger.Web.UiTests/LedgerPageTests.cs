using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Playwright;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>台账: paging, filters by unit and state, and the .xlsx export holding exactly the rows the filter shows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LedgerPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Pages_filters_and_export_hold_the_rows_status_gives()
    {
        browser.Require();
        await using var server = await Seeds.KeyTasksServerAsync();
        var rows = await server.StatusAsync(Actor.LocalAdmin("test"), Seeds.Day);

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/ledger", StringComparison.Ordinal));
        Assert.Equal(Text(rows.Count), await page.InnerTextAsync("#total"));
        Assert.Equal(50, await page.Locator("table.ledger tbody tr").CountAsync());
        await Artifacts.ScreenshotAsync(page, "ledger");
        await Artifacts.AssertAccessibleAsync(page, "台账");

        // Paging: the last page holds the rest, and no row appears twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = (rows.Count + 49) / 50;
        for (var p = 1; p <= pages; p++)
        {
            var keys = await Browse.ItemKeysAsync(page);
            Assert.All(keys, k => Assert.True(seen.Add(k.Trim()), $"{k} shown twice"));
            if (p < pages)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
                await page.WaitForURLAsync(u => u.Contains("p=" + (p + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }

        Assert.Equal(rows.Select(r => r.Item.Key).ToHashSet(StringComparer.Ordinal), seen);

        // A unit: the items where it has any role, and the export holds those rows and no others.
        var unit = rows.SelectMany(r => r.Item.Units).GroupBy(u => u.Key).Select(g => (Key: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        await page.GotoAsync("/ledger");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "单位", Exact = true }).FillAsync(unit.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("unit=", StringComparison.Ordinal));
        Assert.Equal(Text(unit.Count), await page.InnerTextAsync("#total"));
        Assert.Equal(Math.Min(50, unit.Count), await page.Locator("table.ledger tbody tr").CountAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^导出 Excel") }).ClickAsync());
        var file = Path.Combine(server.Folder, "ledger.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = new XLWorkbook(file))
        {
            var exported = workbook.Worksheets.Where(s => s.Name != LedgerWorkbook.MatrixSheet)
                .Sum(s => s.RowsUsed().Count(r => r.RowNumber() > 2));
            Assert.Equal(unit.Count, exported);
        }

        // A state that no item is in: the empty state says so, and nothing to export.
        var absent = TrackingStates.All.First(s => rows.All(r => r.Status.State != s));
        await page.GotoAsync("/ledger?state=" + absent.Code());
        Assert.Equal("0", await page.InnerTextAsync("#total"));
        Assert.Contains("没有符合条件的事项", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^导出 Excel") }).CountAsync());

        // The 总览's count of a state leads to the 台账 of that state, with the same number.
        var busiest = TrackingStates.All.MaxBy(s => rows.Count(r => r.Status.State == s));
        await page.GotoAsync("/");
        await page.Locator("section[aria-labelledby='h-states'] details summary").ClickAsync();
        await page.Locator("section[aria-labelledby='h-states'] tbody a").Filter(new() { HasText = busiest.Chinese() }).First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/ledger", StringComparison.Ordinal));
        Assert.Equal(Text(rows.Count(r => r.Status.State == busiest)), await page.InnerTextAsync("#total"));
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
