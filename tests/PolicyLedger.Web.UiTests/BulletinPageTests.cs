using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>通报: the 2024Q2 bulletin previewed, then downloaded as .docx (valid, and saying what the preview says) and .md; a bad period is named.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BulletinPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task The_quarters_bulletin_is_previewed_and_downloaded_as_the_preview_says()
    {
        browser.Require();
        await using var server = await Seeds.KeyTasksServerAsync();
        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.GetByRole(AriaRole.Link, new() { Name = "通报", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/bulletins", StringComparison.Ordinal));
        Assert.Contains("选择期间和范围后预览通报", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GetByLabel("期间", new() { Exact = true }).FillAsync("2024年第五季度");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("期间“2024年第五季度”无效", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("article.paper").CountAsync());

        await page.GetByLabel("期间", new() { Exact = true }).FillAsync("2024Q2");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("period=2024Q2", StringComparison.Ordinal));
        var paper = page.Locator("article.paper");
        var title = (await paper.Locator("h2.doc-title").InnerTextAsync()).Trim();
        Assert.Contains("通报", title, StringComparison.Ordinal);
        var summary = (await paper.Locator("h3:text-is('一、总体情况') + p").InnerTextAsync()).Trim();
        Assert.Contains("154", summary, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "bulletin");
        await Artifacts.AssertAccessibleAsync(page, "通报");

        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 Word（.docx）" }).ClickAsync());
        var path = Path.Combine(server.Folder, "bulletin.docx");
        await docx.SaveAsAsync(path);
        using (var document = WordprocessingDocument.Open(path, false))
        {
            var errors = new OpenXmlValidator().Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => e.Description)));
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText.Trim()).ToList();
            Assert.Contains(title, paragraphs);
            Assert.Contains(paragraphs, p => p.Contains(summary, StringComparison.Ordinal));
        }

        var md = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 Markdown（.md）" }).ClickAsync());
        var mdPath = Path.Combine(server.Folder, "bulletin.md");
        await md.SaveAsAsync(mdPath);
        var text = await File.ReadAllTextAsync(mdPath);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(summary, text, StringComparison.Ordinal);
    }
}
