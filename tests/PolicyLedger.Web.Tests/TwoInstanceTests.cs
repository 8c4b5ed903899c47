using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>
/// Two real `policyledger serve` processes on one PostgreSQL database, as behind a proxy: a sign-in made on one is
/// good on the other (cookie and antiforgery token, protected with the keys in the database), a token made by the
/// CLI is good on both, and a lockout made on one holds on the other. Nothing lives only in one process.
/// </summary>
public sealed partial class TwoInstanceTests
{
    [SkippableFact]
    public async Task A_sign_in_on_one_instance_is_good_on_the_other_and_so_are_tokens_and_lockouts()
    {
        using var ledger = await ApiLedger.CreateAsync(Provider.Postgres);
        var db = ledger.Database.ConnectionString;

        // The CLI contract: `user add … --password-stdin`, and `token create NAME` prints the token and nothing else.
        var added = await RealServer.RunAsync("another long password", "--db", db, "user", "add", "两处", "--role", "reporter", "--unit", "甲县/交通运输局", "--password-stdin");
        Assert.True(added.Code == 0, added.Err);
        var created = await RealServer.RunAsync(null, "--db", db, "token", "create", "两处");
        Assert.True(created.Code == 0, created.Err);
        Assert.Matches(TokenLine(), created.Out);
        var token = created.Out.Trim();

        await using var a = await RealServer.StartAsync(db);
        await using var b = await RealServer.StartAsync(db);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler);

        // Sign in on A: the 登录 page's antiforgery cookie and field, then the sign-in cookie.
        var loginPage = await client.GetAsync(new Uri(a.Address, "/login"));
        var antiforgeryCookie = Cookies(loginPage);
        var field = Regex.Match(await loginPage.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri(a.Address, "/login"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "两处", ["password"] = "another long password", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(field) }),
        };
        signIn.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(signIn);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signedIn.StatusCode}\n{a.Log}");
        var cookie = Cookies(signedIn);
        Assert.Contains(".PolicyLedger.Auth=", cookie, StringComparison.Ordinal);

        // …and use it on B: the API and a page, then a page's antiforgery token from A in a change made on B.
        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(b.Address, "/api/v1/me"));
        me.Headers.Add("Cookie", cookie);
        var meOnB = await client.SendAsync(me);
        Assert.True(meOnB.StatusCode == HttpStatusCode.OK, $"{(int)meOnB.StatusCode}\n{b.Log}");
        Assert.Equal("两处", (await meOnB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        using var pageOnA = new HttpRequestMessage(HttpMethod.Get, new Uri(a.Address, "/"));
        pageOnA.Headers.Add("Cookie", cookie);
        var overview = await client.SendAsync(pageOnA);
        var html = await overview.Content.ReadAsStringAsync();
        var csrf = Regex.Match(html, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        var pageCookies = string.Join("; ", new[] { cookie, Cookies(overview) }.Where(c => c.Length > 0));
        using var report = new HttpRequestMessage(HttpMethod.Post, new Uri(b.Address, "/api/v1/items/" + Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 3)) + "/reports"))
        {
            Content = JsonContent.Create(new { period = "2024Q2", percent = 25, done = false, narrative = "两处实例" }),
        };
        report.Headers.Add("Cookie", pageCookies);
        report.Headers.Add(ApiSecurity.AntiforgeryHeader, WebUtility.HtmlDecode(csrf));
        var reported = await client.SendAsync(report);
        Assert.True(reported.StatusCode == HttpStatusCode.Created, $"{(int)reported.StatusCode} {await reported.Content.ReadAsStringAsync()}\n{b.Log}");

        // The token from the CLI works on both.
        foreach (var server in new[] { a, b })
        {
            using var withToken = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/api/v1/items"));
            withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var items = await client.SendAsync(withToken);
            Assert.Equal(HttpStatusCode.OK, items.StatusCode);
            Assert.Equal(2, (await items.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        }

        // Five failures on A lock the account on B too.
        for (var i = 0; i < 5; i++)
        {
            await PostSignInAsync(client, a, "两处", "wrong " + i);
        }

        var locked = await PostSignInAsync(client, b, "两处", "another long password");
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
    }

    internal static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, RealServer server, string name, string password)
    {
        var page = await client.GetAsync(new Uri(server.Address, "/login"));
        var field = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/login"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(field) }),
        };
        request.Headers.Add("Cookie", Cookies(page));
        return await client.SendAsync(request);
    }

    /// <summary>The cookies a response sets, as a Cookie header.</summary>
    private static string Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("; ", values.Select(v => v.Split(';')[0])) : "";

    [GeneratedRegex(@"\Aplt_[A-Za-z0-9_-]{43}\r?\n\z")]
    private static partial Regex TokenLine();
}
