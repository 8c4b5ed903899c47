using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Web.Identity;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>The host on its own: health, headers, sign-in and lockout, cookies and tokens, problem details, denials audited.</summary>
public sealed class HostTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create(Provider.Sqlite);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        await using var host = new TestHost(_db.Database);
        var response = await host.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Healthz_answers_503_when_the_PostgreSQL_database_is_gone()
    {
        using var pg = TestDatabase.Create(Provider.Postgres);
        await using var host = new TestHost(pg.Database);
        var client = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        pg.Drop();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("数据库不可用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_pages_have_no_inline_script()
    {
        await using var host = new TestHost(_db.Database);
        var client = host.Anonymous();
        foreach (var path in new[] { "/login", "/api/v1/me", "/healthz", "/assets/site.css" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }

        var html = await client.GetStringAsync("/login");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrWhiteSpace(s.GetAttribute("src")), "inline script on /login"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("登录", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_the_API_answers_401_problem_details_in_Chinese_and_pages_send_to_sign_in_both_audited()
    {
        await using var host = new TestHost(_db.Database);
        var client = host.Anonymous();
        var api = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("未登录或凭据无效", problem.GetProperty("title").GetString());

        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);

        await using var db = _db.Database.CreateContext();
        var denials = await db.AuditLog.Where(a => a.Action == "denied").ToListAsync();
        Assert.Contains(denials, a => a.EntityKey == "GET /api/v1/me" && a.After!.Contains("401", StringComparison.Ordinal));
        Assert.Contains(denials, a => a.EntityKey == "GET /" && a.Actor == "（未登录）");
    }

    [Fact]
    public async Task Sign_in_sets_a_cookie_the_API_accepts_and_a_wrong_password_does_not()
    {
        await TestUsers.AddAsync(_db.Database, "督办甲", "supervisor");
        await using var host = new TestHost(_db.Database);
        var bad = host.Anonymous();
        var refused = await TestHost.SignInAsync(bad, "督办甲", "wrong password");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("用户名或密码不正确", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/v1/me")).StatusCode);

        var client = await host.SignedInAsync("督办甲", TestUsers.Password);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("督办甲", me.GetProperty("name").GetString());
        Assert.Equal("supervisor", me.GetProperty("role").GetString());
        var overview = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("督办甲", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        await TestUsers.AddAsync(_db.Database, "reader", "viewer");
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(_db.Database, clock);
        var client = host.Anonymous();
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TestHost.SignInAsync(client, "reader", $"guess {i}")).StatusCode);
        }

        var locked = await TestHost.SignInAsync(client, "reader", "guess 5");
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("账户已锁定至2024年7月1日 10:15（北京时间）", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)423, (await TestHost.SignInAsync(client, "reader", TestUsers.Password)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await TestHost.SignInAsync(client, "reader", TestUsers.Password)).StatusCode);

        await using var db = _db.Database.CreateContext();
        var denials = await db.AuditLog.Where(a => a.Action == "denied").Select(a => a.After!).ToListAsync();
        Assert.Equal(6, denials.Count(a => a.Contains("登录失败：reader", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_token_works_until_revoked_and_never_for_a_disabled_user()
    {
        await TestUsers.AddAsync(_db.Database, "script", "viewer");
        var token = await TestUsers.TokenAsync(_db.Database, "script");
        Assert.StartsWith(UserService.TokenPrefix, token, StringComparison.Ordinal);
        await using var host = new TestHost(_db.Database);
        Assert.Equal(HttpStatusCode.OK, (await host.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithToken(token + "x").GetAsync("/api/v1/me")).StatusCode);

        await using (var db = await _db.Database.OpenAsync())
        {
            var users = new UserService(db, TimeProvider.System, new SignInPolicy());
            Assert.Null((await users.ChangeAsync("script", new UserChange(Disabled: true), "test")).Problem);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
        await using (var db = await _db.Database.OpenAsync())
        {
            var users = new UserService(db, TimeProvider.System, new SignInPolicy());
            Assert.Null((await users.ChangeAsync("script", new UserChange(Disabled: false), "test")).Problem);
            Assert.Equal(HttpStatusCode.OK, (await host.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
            var listed = Assert.Single(await users.ListTokensAsync("script"));
            Assert.StartsWith(listed.Prefix, token, StringComparison.Ordinal);
            Assert.Null(await users.RevokeTokenAsync(listed.Id, "test"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithToken(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_changed_password_ends_the_sign_ins_made_before()
    {
        await TestUsers.AddAsync(_db.Database, "viewer1", "viewer");
        await using var host = new TestHost(_db.Database);
        var client = await host.SignedInAsync("viewer1", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        await using (var db = await _db.Database.OpenAsync())
        {
            Assert.Null((await new UserService(db, TimeProvider.System, new SignInPolicy()).ChangeAsync("viewer1", new UserChange(Password: "another long password"), "test")).Problem);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Passwords_and_tokens_are_stored_hashed_and_never_written_to_the_audit_log()
    {
        await TestUsers.AddAsync(_db.Database, "admin1", "admin");
        var token = await TestUsers.TokenAsync(_db.Database, "admin1");
        await using var db = _db.Database.CreateContext();
        var user = await db.Users.SingleAsync();
        Assert.DoesNotContain(TestUsers.Password, user.PasswordHash, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(user.PasswordHash)[0] == 0x01, "an Identity v3 hash starts with the byte 1");
        var stored = await db.ApiTokens.SingleAsync();
        Assert.NotEqual(token, stored.Hash);
        Assert.Equal(UserService.HashToken(token), stored.Hash);
        var audit = string.Join("\n", await db.AuditLog.Select(a => a.Before + a.After).ToListAsync());
        Assert.Contains("admin1", await db.AuditLog.Select(a => a.EntityKey).FirstAsync(a => a == "admin1"), StringComparison.Ordinal);
        Assert.DoesNotContain(user.PasswordHash, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Hash, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(user.SecurityStamp, audit, StringComparison.Ordinal);
    }
}
