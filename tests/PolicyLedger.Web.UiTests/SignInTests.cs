using Microsoft.Playwright;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>登录 and the layout: wrong passwords and the lockout said in Chinese, navigation by role, the user shown, sign-out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Wrong_passwords_are_refused_then_the_account_is_locked_with_its_time()
    {
        browser.Require();
        await using var server = await LiveServer.StartAsync(new DateOnly(2024, 7, 3));
        await server.AddUserAsync("zhang", "supervisor");
        await using var context = await browser.ContextAsync(server);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "login");
        await Artifacts.AssertAccessibleAsync(page, "登录");

        for (var i = 1; i <= 4; i++)
        {
            await TryAsync(page, "zhang", "wrong " + i);
            Assert.Equal("用户名或密码不正确", (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
        }

        await TryAsync(page, "zhang", "wrong 5");
        var locked = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("账户已锁定至", locked, StringComparison.Ordinal);
        Assert.Contains("（北京时间）", locked, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "login-locked");

        // Locked: even the right password is refused until the time said.
        await TryAsync(page, "zhang", LiveServer.Password);
        Assert.Contains("账户已锁定至", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Navigation_follows_the_role_and_sign_out_ends_the_session()
    {
        browser.Require();
        await using var server = await LiveServer.StartAsync(new DateOnly(2024, 7, 3));
        await server.AddUserAsync("root", "admin");
        await server.AddUserAsync("wang", "viewer");
        await using var context = await browser.ContextAsync(server);

        var admin = await Browse.SignedInAsync(context, "root");
        var adminLinks = await Browse.NavigationAsync(admin);
        Assert.Contains("用户", adminLinks);
        Assert.Contains("审计", adminLinks);
        Assert.DoesNotContain("我的任务", adminLinks);
        Assert.Contains("root（管理员）", await admin.Locator(".who").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("总览", (await admin.Locator("nav a[aria-current='page']").InnerTextAsync()).Trim());
        await Artifacts.ScreenshotAsync(admin, "overview-empty-admin");
        await Artifacts.AssertAccessibleAsync(admin, "总览（空）");
        Assert.Contains("还没有可查看的事项", await admin.InnerTextAsync("main"), StringComparison.Ordinal);

        await admin.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));
        await admin.GotoAsync("/users");
        Assert.Contains("/login", admin.Url, StringComparison.Ordinal);

        var viewer = await Browse.SignedInAsync(context, "wang");
        var viewerLinks = await Browse.NavigationAsync(viewer);
        Assert.Contains("通报", viewerLinks);
        Assert.DoesNotContain("我的任务", viewerLinks);
        Assert.DoesNotContain("用户", viewerLinks);
        Assert.DoesNotContain("审计", viewerLinks);
    }

    private static async Task TryAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
