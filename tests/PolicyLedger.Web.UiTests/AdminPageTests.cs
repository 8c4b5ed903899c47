using Microsoft.Playwright;
using PolicyLedger.Web.UiTests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>用户 and 审计: an administrator adds and disables users through the pages, the audit log shows both and the refused sign-in; others are refused these pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task An_admin_adds_and_disables_users_and_the_audit_shows_it()
    {
        browser.Require();
        await using var server = await LiveServer.StartAsync(new DateOnly(2024, 7, 3));
        await server.AddUserAsync("root", "admin");
        await server.AddUserAsync("zhang", "supervisor");
        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "root");
        await page.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/users", StringComparison.Ordinal));
        Assert.Contains("全部用户（2）", await page.InnerTextAsync("#h-users"), StringComparison.Ordinal);

        // A bad password is refused with the reason; nothing is added.
        await page.GetByLabel("用户名").FillAsync("zhao");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "角色" }).Last.SelectOptionAsync("viewer");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^初始密码")).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("全部用户（2）", await page.InnerTextAsync("#h-users"), StringComparison.Ordinal);
        Assert.Contains(await page.Locator(".error, [role=alert]").AllInnerTextsAsync(), t => t.Trim().Length > 0);

        await page.GetByLabel("用户名").FillAsync("zhao");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "角色" }).Last.SelectOptionAsync("viewer");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^初始密码")).FillAsync(LiveServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已添加用户 zhao（查看人员）");
        Assert.Contains("全部用户（3）", await page.InnerTextAsync("#h-users"), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "停用 zhang" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("zhang：已停用");
        Assert.Contains("已停用", await page.Locator("table.users tr").Filter(new() { HasText = "zhang" }).InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "users");
        await Artifacts.AssertAccessibleAsync(page, "用户");

        // The disabled user cannot sign in; the new one can.
        await using var other = await browser.ContextAsync(server);
        var login = await other.NewPageAsync();
        await login.GotoAsync("/login");
        await login.GetByLabel("用户名").FillAsync("zhang");
        await login.GetByLabel("密码").FillAsync(LiveServer.Password);
        await login.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal("该账户已停用，请联系管理员", (await login.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
        await Browse.SignInAsync(login, "zhao");
        var denied = await login.GotoAsync("/users");
        Assert.Equal(403, denied!.Status);
        var deniedAudit = await login.GotoAsync("/audit");
        Assert.Equal(403, deniedAudit!.Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "审计", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/audit", StringComparison.Ordinal));
        await page.GetByLabel("对象").SelectOptionAsync("users");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("entity=users", StringComparison.Ordinal));
        var rows = await page.Locator("table.audit tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("root", StringComparison.Ordinal) && r.Contains("zhao", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("root", StringComparison.Ordinal) && r.Contains("修改", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(r, @"已停用\s*是"));
        // Fields by their Chinese names and moments in 北京时间, not the stored JSON's (SecurityStamp, 2024-07-03T04:00:…+00:00).
        Assert.DoesNotContain(rows, r => r.Contains("SecurityStamp", StringComparison.Ordinal) || r.Contains("UpdatedAt", StringComparison.Ordinal) || r.Contains("+00:00", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(LiveServer.Password, StringComparison.Ordinal));
        await Artifacts.ScreenshotAsync(page, "audit");
        await Artifacts.AssertAccessibleAsync(page, "审计");

        await page.GetByLabel("对象").SelectOptionAsync("access");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("entity=access", StringComparison.Ordinal));
        var access = await page.Locator("table.audit tbody tr").AllInnerTextsAsync();
        Assert.Contains(access, r => r.Contains("zhang", StringComparison.Ordinal));
        Assert.Contains(access, r => r.Contains("/users", StringComparison.Ordinal) || r.Contains("/audit", StringComparison.Ordinal));
    }
}
