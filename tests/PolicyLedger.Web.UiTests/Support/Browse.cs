using Microsoft.Playwright;

namespace PolicyLedger.Web.UiTests.Support;

/// <summary>What people do on every page: sign in and out, follow the navigation.</summary>
public static class Browse
{
    /// <summary>Signs in through the 登录 page and waits for the page the sign-in leads to.</summary>
    public static async Task SignInAsync(IPage page, string name, string password = LiveServer.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
    }

    public static async Task<IPage> SignedInAsync(IBrowserContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await SignInAsync(page, name);
        return page;
    }

    /// <summary>The names of the navigation's links, in order.</summary>
    public static async Task<IReadOnlyList<string>> NavigationAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (await page.Locator("nav[aria-label='主导航'] a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    /// <summary>The keys of the items a table of items shows (台账, 我的任务), in order.</summary>
    public static async Task<IReadOnlyList<string>> ItemKeysAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var keys = new List<string>();
        foreach (var cell in await page.Locator("table.items tbody td.key").AllAsync())
        {
            keys.Add(await cell.GetAttributeAsync("data-key") ?? throw new InvalidOperationException("an item's cell without its key"));
        }

        return keys;
    }
}
