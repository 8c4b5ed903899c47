using System.Globalization;
using Microsoft.Playwright;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Claims;
using PolicyLedger.Tracking.Status;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>
/// 我的任务: a reporter sees only its unit's items, reports one as done; the claim check's warning (done without
/// evidence) is shown before anything is saved; with an evidence file the report is saved, the item shows it with
/// its file, and the supervisor's 总览 counts the item as done.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_reporter_reports_its_units_item_with_evidence_after_the_warning()
    {
        browser.Require();
        var day = Seeds.Day;
        await using var server = await Seeds.KeyTasksServerAsync();
        var all = await server.StatusAsync(Actor.LocalAdmin("test"), day);

        // The unit with the fewest items (more than one): its reporter must not see the others'.
        var unit = all.SelectMany(r => r.Item.Units).GroupBy(u => u.Key)
            .Select(g => (Unit: g.First(), Count: g.Count())).Where(g => g.Count > 1)
            .OrderBy(g => g.Count).ThenBy(g => g.Unit.Key, StringComparer.Ordinal).First();
        var user = await server.AddUserAsync("li", "reporter", units: [unit.Unit.Key]);
        var mine = await server.StatusAsync(user.ToActor(), day);
        Assert.InRange(mine.Count, 1, all.Count - 1);
        Assert.All(mine, r => Assert.Contains(r.Item.Units, u => u.Key == unit.Unit.Key));

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "li");
        var links = await Browse.NavigationAsync(page);
        Assert.Contains("我的任务", links);
        Assert.DoesNotContain("用户", links);
        await page.GotoAsync("/ledger");
        Assert.Equal(mine.Count.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#total"));

        await page.GetByRole(AriaRole.Link, new() { Name = "我的任务", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/tasks", StringComparison.Ordinal));
        var keys = await Browse.ItemKeysAsync(page);
        Assert.Equal(mine.Select(r => r.Item.Key).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        await Artifacts.ScreenshotAsync(page, "tasks");
        await Artifacts.AssertAccessibleAsync(page, "我的任务");

        var key = keys[0];
        await page.GetByRole(AriaRole.Link, new() { Name = "填报 " + key, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/tasks/report", StringComparison.Ordinal));
        await page.GetByLabel("完成进度（%）").FillAsync("100");
        await page.GetByLabel("已完成").CheckAsync();
        await page.GetByLabel("进展情况").FillAsync("已按计划全部完成，相关材料已归档。");
        await Artifacts.AssertAccessibleAsync(page, "填报进展");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        // Done without evidence: the warning is shown and nothing is stored yet.
        var warnings = page.Locator("#claim-warnings");
        await Assertions.Expect(warnings).ToBeVisibleAsync();
        Assert.Contains(ClaimCodes.DoneWithoutEvidence, await warnings.InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "report-warning");
        Assert.Equal(TrackingState.NotReported, (await server.StatusAsync(user.ToActor(), day)).Single(r => r.Item.Key == key).Status.State);

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^佐证材料")).SetInputFilesAsync(new FilePayload
        {
            Name = "完成情况说明.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("完成情况说明：已完成。"),
        });
        Assert.Equal("已选择 1 个文件：完成情况说明.txt", await page.Locator("#evidence-chosen").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "已核实，仍然保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("saved=", StringComparison.Ordinal));
        Assert.Contains("已保存事项", await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(key, await page.Locator("section[aria-labelledby='h-done'] td.key").GetAttributeAsync("data-key"));

        var after = await server.StatusAsync(user.ToActor(), day);
        Assert.Equal(TrackingState.Done, after.Single(r => r.Item.Key == key).Status.State);

        await page.GotoAsync("/item?key=" + Uri.EscapeDataString(key));
        var reports = page.Locator("section[aria-labelledby='h-reports']");
        Assert.Contains("报送记录（1 条）", await reports.InnerTextAsync(), StringComparison.Ordinal);
        var evidence = reports.GetByRole(AriaRole.Link, new() { Name = "完成情况说明.txt" });
        var download = await page.RunAndWaitForDownloadAsync(() => evidence.ClickAsync());
        var saved = Path.Combine(server.Folder, "evidence.txt");
        await download.SaveAsAsync(saved);
        Assert.Equal("完成情况说明：已完成。", await File.ReadAllTextAsync(saved));
        await Artifacts.ScreenshotAsync(page, "item-reported");

        // The supervisor's 总览 now counts it as done.
        await using var other = await browser.ContextAsync(server);
        var supervisor = await Browse.SignedInAsync(other, "zhang");
        var doneRow = supervisor.Locator("section[aria-labelledby='h-states'] tbody tr").Filter(new() { HasText = TrackingState.Done.Chinese() }).First;
        Assert.Equal("1", (await doneRow.Locator("td").Nth(1).TextContentAsync())!.Trim());
        var notReported = supervisor.Locator("section[aria-labelledby='h-states'] tbody tr").Filter(new() { HasText = TrackingState.NotReported.Chinese() }).First;
        var before = all.Count(r => r.Status.State == TrackingState.NotReported);
        Assert.Equal((before - 1).ToString(CultureInfo.InvariantCulture), (await notReported.Locator("td").Nth(1).TextContentAsync())!.Trim());
    }

}
