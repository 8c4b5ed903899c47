using System.Text.Json;
using Microsoft.Playwright;
using PolicyLedger.Tests.Support;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>对比: a supervisor chooses two documents and sees them lined up as the compare API (the same service) gives them, differing figures marked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparePageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Two_documents_are_shown_side_by_side_as_the_comparison_service_aligns_them()
    {
        browser.Require();
        SharedData.Require();
        await using var server = await LiveServer.StartAsync(Seeds.Day);
        await server.ImportAsync(SharedData.Path("seeds", "000_9d4e57dbb9f33d71.txt"), SharedData.Path("seeds", "004_e671b60dfd04a703.txt"));
        await server.AddUserAsync("zhang", "supervisor");

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.GetByRole(AriaRole.Link, new() { Name = "对比", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/compare", StringComparison.Ordinal));
        var boxes = page.Locator("input[name='documents']");
        Assert.Equal(2, await boxes.CountAsync());
        var keys = new List<string>();
        foreach (var box in await boxes.AllAsync())
        {
            await box.CheckAsync();
            keys.Add((await box.GetAttributeAsync("value"))!);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "对比", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("documents=", StringComparison.Ordinal));

        // The same comparison through the API: every pair and every measure found in one document only is a row.
        var api = await context.APIRequest.GetAsync("/api/v1/compare?" + string.Join("&", keys.Select(k => "documents=" + Uri.EscapeDataString(k))));
        Assert.Equal(200, api.Status);
        using var json = JsonDocument.Parse(await api.TextAsync());
        var pairs = Get(json.RootElement, "pairs").EnumerateArray().ToList();
        var rows = pairs.Count + Get(json.RootElement, "onlyInA").GetArrayLength() + Get(json.RootElement, "onlyInB").GetArrayLength();
        var table = page.Locator(".compare-view table.side-by-side tbody tr");
        Assert.Equal(rows, await table.CountAsync());
        var changed = pairs.Count(p => Get(p, "relation").GetString() == "changed_figure");
        Assert.True(changed > 0, "the two documents differ in some figure");
        Assert.Equal(changed, await page.Locator("tr.rel-changed_figure").CountAsync());
        Assert.True(await page.Locator("tr.rel-changed_figure mark.diff").CountAsync() >= changed, "each changed figure is marked");

        await Artifacts.ScreenshotAsync(page, "compare");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "compare-top.png") });
        await page.Locator("tr.rel-changed_figure").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "compare-changed.png") });
        await Artifacts.AssertAccessibleAsync(page, "对比");

        // One document is not a comparison: said so, beside the form.
        var one = await page.GotoAsync("/compare?documents=" + Uri.EscapeDataString(keys[0]));
        Assert.Equal(400, one!.Status);
        Assert.Contains("PL-Q08", await page.Locator(".error").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static JsonElement Get(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
