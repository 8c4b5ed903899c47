using Microsoft.Playwright;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>文件: a supervisor uploads seed 002 and a bad file at once; the seed's 154 items are imported, the bad file is named with its reason, the list and the 台账 show the document.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Several_files_upload_with_progress_and_a_bad_one_is_named()
    {
        browser.Require();
        var seed = Seeds.KeyTasks2024;
        await using var server = await LiveServer.StartAsync(new DateOnly(2024, 7, 3));
        await server.AddUserAsync("zhang", "supervisor");
        await server.AddUserAsync("wang", "viewer");
        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.Locator("nav[aria-label='主导航']").GetByRole(AriaRole.Link, new() { Name = "文件", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/documents", StringComparison.Ordinal));
        Assert.Contains("还没有导入文件", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Artifacts.AssertAccessibleAsync(page, "文件（空）");

        // The file picker speaks Chinese: the browser's own button (English here: "Choose Files", "No file chosen") is
        // out of sight, the label is the button, the input keeps the keyboard focus, and the choice is named.
        var picker = page.Locator("#files");
        var box = await picker.BoundingBoxAsync();
        Assert.True(box is { Width: <= 1, Height: <= 1 }, $"the browser's file input is in sight: {box?.Width}×{box?.Height}");
        Assert.True(await page.GetByText("选择文件", new() { Exact = true }).IsVisibleAsync(), "the Chinese button is shown");
        Assert.Equal("未选择文件", await page.Locator("#files-chosen").InnerTextAsync());
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain("Choose File", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("No file chosen", text, StringComparison.OrdinalIgnoreCase);
        await picker.FocusAsync();
        Assert.Equal("files", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.NotEqual("none", await page.Locator("#files-button").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        Assert.Equal("请先选择要导入的文件", await page.Locator("#files-chosen").InnerTextAsync());
        Assert.True(await page.Locator("#upload-progress").IsHiddenAsync(), "nothing is sent without files");

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^选择文件")).SetInputFilesAsync(
        new[]
        {
            new FilePayload { Name = Path.GetFileName(seed), MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(seed) },
            new FilePayload { Name = "损坏的文件.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.UTF8.GetBytes("这不是 PDF 文件") },
        });
        Assert.Equal($"已选择 2 个文件：{Path.GetFileName(seed)}、损坏的文件.pdf", await page.Locator("#files-chosen").InnerTextAsync());
        await Artifacts.ScreenshotAsync(page, "documents-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        var status = page.Locator("#upload-status");
        await Assertions.Expect(status).ToHaveTextAsync("已处理 2 个文件：1 个成功，1 个未导入。", new() { Timeout = 120_000 });

        var results = page.Locator("#upload-results tbody tr");
        Assert.Equal(2, await results.CountAsync());
        var good = await results.Filter(new() { HasText = Path.GetFileName(seed) }).Locator("td").AllInnerTextsAsync();
        Assert.Equal("已导入", good[1].Trim());
        Assert.Equal(Seeds.KeyTasks2024Items.ToString(System.Globalization.CultureInfo.InvariantCulture), good[3].Trim());
        var bad = results.Filter(new() { HasText = "损坏的文件.pdf" });
        Assert.Equal("failed", await bad.GetAttributeAsync("class"));
        Assert.False(string.IsNullOrWhiteSpace(await bad.Locator("td").Nth(4).InnerTextAsync()), "the bad file's reason is said");

        // The list is read again after the import.
        await Assertions.Expect(page.Locator("#h-list")).ToHaveTextAsync($"现行文件（1 件，{Seeds.KeyTasks2024Items} 项事项）");
        await Artifacts.ScreenshotAsync(page, "documents");
        await Artifacts.AssertAccessibleAsync(page, "文件");
        Assert.Equal("未选择文件", await page.Locator("#files-chosen").InnerTextAsync());

        // The same file again changes nothing.
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^选择文件")).SetInputFilesAsync(seed);
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("已处理 1 个文件：1 个成功，0 个未导入。", new() { Timeout = 120_000 });
        Assert.Equal("未变化（已导入过）", (await results.First.Locator("td").Nth(1).InnerTextAsync()).Trim());

        await page.Locator("table.documents").GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/ledger?document=", StringComparison.Ordinal));
        Assert.Equal(Seeds.KeyTasks2024Items.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#total"));

        // A viewer sees the documents but no upload.
        await using var other = await browser.ContextAsync(server);
        var viewer = await Browse.SignedInAsync(other, "wang");
        await viewer.GotoAsync("/documents");
        Assert.Equal(0, await viewer.Locator("#upload-form").CountAsync());
        Assert.Contains($"现行文件（1 件，{Seeds.KeyTasks2024Items} 项事项）", await viewer.InnerTextAsync("#h-list"), StringComparison.Ordinal);
    }
}
