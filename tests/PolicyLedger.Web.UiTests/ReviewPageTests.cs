using Microsoft.Playwright;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>
/// 校对: a supervisor opens a document's review from the navigation, sees its text marked and its items in the order the
/// review service gives (doubtful first), corrects an item's lead unit and deadline with a reason, and the 台账 then
/// shows the corrected unit and deadline with a 已更正 mark; a check, a revert and a not-an-item are recorded; a viewer sees no forms.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task An_item_marked_checked_on_the_review_page_shows_as_checked_on_the_ledger()
    {
        browser.Require();
        await using var server = await Seeds.KeyTasksServerAsync();
        var admin = Actor.LocalAdmin("test");
        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.GotoAsync("/ledger");
        Assert.Equal(0, await page.Locator("table.items .checked").CountAsync());
        var firstPage = await Browse.ItemKeysAsync(page);
        var chosen = new[] { firstPage[1], firstPage[^1] };
        var documentKey = (await server.StatusAsync(admin, Seeds.Day)).First(r => r.Item.Key == chosen[0]).Item.DocumentKey;

        foreach (var key in chosen)
        {
            await page.GotoAsync("/review?document=" + Uri.EscapeDataString(documentKey));
            var item = page.Locator($"details.review-item[data-key='{key}']");
            await item.Locator("summary").ClickAsync();
            await item.GetByRole(AriaRole.Button, new() { Name = "核对无误" }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("done=", StringComparison.Ordinal));
        }

        // The 台账 marks exactly the items the review service counts as checked, on this page.
        await page.GotoAsync("/ledger");
        var queue = await server.WithAsync<ReviewService, ReviewQueue>(s => s.QueueAsync(admin, all: true));
        var checkedKeys = queue.Rows.Where(r => r.State == ReviewState.Checked).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(chosen.Order(StringComparer.Ordinal), checkedKeys.Order(StringComparer.Ordinal));
        var marked = new List<string>();
        foreach (var cell in await page.Locator("table.items tbody td.key:has(.checked)").AllAsync())
        {
            marked.Add((await cell.GetAttributeAsync("data-key"))!);
            Assert.Equal("已校对", (await cell.Locator(".checked").InnerTextAsync()).Trim());
            Assert.Contains("zhang", await cell.Locator(".checked").GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(firstPage.Where(checkedKeys.Contains), marked);
        await Artifacts.ScreenshotAsync(page, "ledger-checked");
        await Artifacts.AssertAccessibleAsync(page, "台账（已校对）");

        // A correction outranks the check: the item then shows 已更正, not 已校对.
        await page.GotoAsync("/review?document=" + Uri.EscapeDataString(documentKey));
        var corrected = page.Locator($"details.review-item[data-key='{chosen[0]}']");
        await corrected.Locator("summary").ClickAsync();
        await corrected.GetByLabel("时限").FillAsync("2024-10-31");
        await corrected.GetByLabel("更正原因").FillAsync("原文时限为10月底");
        await corrected.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=", StringComparison.Ordinal));
        await page.GotoAsync("/ledger");
        var row = page.Locator($"table.items tbody td.key[data-key='{chosen[0]}']");
        Assert.Equal(1, await row.Locator(".corrected").CountAsync());
        Assert.Equal(0, await row.Locator(".checked").CountAsync());
        Assert.Equal(1, await page.Locator($"table.items tbody td.key[data-key='{chosen[1]}'] .checked").CountAsync());
    }

    [SkippableFact]
    public async Task A_supervisor_corrects_an_item_in_place_and_the_ledger_shows_it()
    {
        browser.Require();
        await using var server = await Seeds.KeyTasksServerAsync();
        await server.AddUserAsync("li", "viewer");
        var admin = Actor.LocalAdmin("test");
        var before = await server.StatusAsync(admin, Seeds.Day);

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        Assert.Contains("校对", await Browse.NavigationAsync(page));

        // The 台账's first page: the item to correct is on it, so the corrected row can be seen there.
        await page.GotoAsync("/ledger");
        var firstPage = await Browse.ItemKeysAsync(page);
        var target = before.First(r => firstPage.Contains(r.Item.Key) && r.Item.Units.Count > 0);
        var newUnit = before.SelectMany(r => r.Item.Units).Select(u => u.Name).First(n => target.Item.Units.All(u => u.Name != n));

        await page.GetByRole(AriaRole.Link, new() { Name = "校对", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/review", StringComparison.Ordinal));
        var progressRow = page.Locator("table tbody tr");
        Assert.Equal(1, await progressRow.CountAsync());
        Assert.Equal(Seeds.KeyTasks2024Items.ToString(System.Globalization.CultureInfo.InvariantCulture), (await progressRow.Locator("td").Nth(1).InnerTextAsync()).Trim());
        await Artifacts.AssertAccessibleAsync(page, "校对（文件）");
        await progressRow.Locator("a").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("document=", StringComparison.Ordinal));

        // The text is the stored one with every item and the unit mentions marked from their spans.
        var source = page.Locator("#review-source");
        Assert.Equal(1, await source.CountAsync());
        Assert.Equal(Seeds.KeyTasks2024Items, await source.Locator("[id^='review-source-']").CountAsync());
        var mentions = await source.Locator(".m-lead, .m-responsible, .m-cooperating").AllTextContentsAsync();
        Assert.NotEmpty(mentions);

        // The items in the service's order: doubtful ones first.
        var documentKey = (await page.EvaluateAsync<string>("() => new URL(location.href).searchParams.get('document')"))!;
        var expected = await server.WithAsync<ReviewService, DocumentReview>(s => s.DocumentAsync(admin, documentKey));
        Assert.Null(expected.Problem);
        var items = page.Locator("details.review-item");
        var shownKeys = new List<string>();
        foreach (var d in await items.AllAsync())
        {
            shownKeys.Add((await d.GetAttributeAsync("data-key"))!);
        }

        Assert.Equal(expected.Rows.Select(r => r.Key), shownKeys);
        var doubtful = expected.Rows.Select(r => r.Doubts.Count > 0).ToList();
        Assert.Equal(doubtful.Count(x => x), await page.Locator("details.review-item.doubtful").CountAsync());
        Assert.True(doubtful.SkipWhile(x => x).All(x => !x), "no doubtful item after an item without doubts");

        // Correct the lead unit and the deadline, with why.
        var item = page.Locator($"details.review-item[data-key='{target.Item.Key}']");
        await item.Locator("summary").ClickAsync();
        await item.GetByLabel("牵头单位").FillAsync(newUnit);
        await item.GetByLabel("时限").FillAsync("2024-09-30");
        await item.GetByLabel("更正原因").FillAsync("核对原文，牵头单位读错");
        await Artifacts.ScreenshotAsync(page, "review");
        await Artifacts.AssertAccessibleAsync(page, "校对");
        await item.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=", StringComparison.Ordinal));
        Assert.Contains("已更正", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        item = page.Locator($"details.review-item[data-key='{target.Item.Key}']");
        Assert.Equal("已更正", (await item.Locator("summary .badge").First.InnerTextAsync()).Trim());
        Assert.Contains("核对原文，牵头单位读错", await item.Locator(".changes").InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "review-corrected");

        // The 台账 shows the corrected unit and deadline, marked; the service agrees.
        var after = (await server.StatusAsync(admin, Seeds.Day)).Single(r => r.Item.Key == target.Item.Key);
        Assert.Equal(newUnit, after.Item.Units[0].Name);
        Assert.True(after.Item.Corrected);
        await page.GotoAsync("/ledger");
        var row = page.Locator($"table.items tbody tr:has(td.key[data-key='{target.Item.Key}'])");
        Assert.Contains(newUnit, await row.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2024-09-30", (await row.Locator("td.day").InnerTextAsync()).Trim());
        Assert.Equal("已更正", (await row.Locator(".corrected").InnerTextAsync()).Trim());

        // The 事项 page lists the roles in effect: the lead the reviewer gave, marked, and the change with why.
        await page.GotoAsync("/item?key=" + Uri.EscapeDataString(target.Item.Key));
        var roles = page.Locator("section[aria-labelledby='h-roles'] tbody tr");
        var leads = new List<string>();
        foreach (var r in await roles.AllAsync())
        {
            var text = await r.InnerTextAsync();
            if (text.TrimStart().StartsWith("牵头", StringComparison.Ordinal))
            {
                leads.Add(text);
            }
        }

        Assert.Contains(newUnit, Assert.Single(leads), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("section[aria-labelledby='h-roles'] tr.role-corrected .corrected").CountAsync());
        var changes = await page.Locator("ul.changes").InnerTextAsync();
        Assert.Contains("牵头单位", changes, StringComparison.Ordinal);
        Assert.Contains("核对原文，牵头单位读错", changes, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "item-corrected");
        await Artifacts.AssertAccessibleAsync(page, "事项（已更正）");

        // Mark another item checked, then revert the correction: the 台账 shows the item as read again.
        await page.GotoAsync("/review?document=" + Uri.EscapeDataString(documentKey));
        var other = page.Locator("details.review-item").Filter(new() { HasNot = page.Locator(".badge:text-is('已更正')") }).First;
        var otherKey = (await other.GetAttributeAsync("data-key"))!;
        await other.Locator("summary").ClickAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "核对无误" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=", StringComparison.Ordinal));
        Assert.Equal("已校对", (await page.Locator($"details.review-item[data-key='{otherKey}'] summary .badge").First.InnerTextAsync()).Trim());

        item = page.Locator($"details.review-item[data-key='{target.Item.Key}']");
        await item.Locator("summary").ClickAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "撤销更正" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("%E6%92%A4%E9%94%80", StringComparison.Ordinal) || u.Contains("撤销", StringComparison.Ordinal));
        var reverted = (await server.StatusAsync(admin, Seeds.Day)).Single(r => r.Item.Key == target.Item.Key);
        Assert.False(reverted.Item.Corrected);
        Assert.Equal(target.Item.Units.Select(u => u.Name), reverted.Item.Units.Select(u => u.Name));
        await page.GotoAsync("/ledger");
        row = page.Locator($"table.items tbody tr:has(td.key[data-key='{target.Item.Key}'])");
        Assert.Equal(0, await row.Locator(".corrected").CountAsync());
        await page.GotoAsync("/item?key=" + Uri.EscapeDataString(target.Item.Key));
        Assert.Equal(0, await page.Locator("tr.role-corrected").CountAsync());
        Assert.Contains(target.Item.Units[0].Name, await page.Locator("section[aria-labelledby='h-roles'] tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);

        // A paragraph read as an item that is not one leaves what is tracked, and the review says so.
        await page.GotoAsync("/review?document=" + Uri.EscapeDataString(documentKey));
        var last = page.Locator("details.review-item").Last;
        var lastKey = (await last.GetAttributeAsync("data-key"))!;
        await last.Locator("summary").ClickAsync();
        await last.GetByLabel("更正原因").FillAsync("是说明，不是任务");
        await last.GetByRole(AriaRole.Button, new() { Name = "标为非事项" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator($"details.review-item[data-key='{lastKey}'] .badge:text-is('非事项')").CountAsync());
        Assert.DoesNotContain(await server.StatusAsync(admin, Seeds.Day), r => r.Item.Key == lastKey);

        // A viewer may look but not change: no 校对 in the navigation, the page without forms.
        await using var viewerContext = await browser.ContextAsync(server);
        var viewer = await Browse.SignedInAsync(viewerContext, "li");
        Assert.DoesNotContain("校对", await Browse.NavigationAsync(viewer));
        var shown = await viewer.GotoAsync("/review?document=" + Uri.EscapeDataString(documentKey));
        Assert.Equal(200, shown!.Status);
        Assert.Equal(Seeds.KeyTasks2024Items, await viewer.Locator("details.review-item").CountAsync());
        Assert.Equal(0, await viewer.Locator("form").Filter(new() { Has = viewer.Locator("button:text-is('保存更正')") }).CountAsync());
    }
}
