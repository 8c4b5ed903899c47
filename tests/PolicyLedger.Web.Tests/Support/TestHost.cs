using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Tests.Support;

/// <summary>The web application in process (WebApplicationFactory) on a test's own database, with an optional fake clock.</summary>
public sealed partial class TestHost(LedgerDatabase database, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<WebProgram>
{
    public LedgerDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(database);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    /// <summary>A client with no credentials that keeps cookies and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the 登录 page (its form and antiforgery token) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignedInAsync(string name, string password)
    {
        var client = Anonymous();
        var response = await SignInAsync(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Posts the sign-in form with the antiforgery token of a fresh 登录 page.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of a page's form (the hidden field every post form carries).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery field on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>Users for tests, added through the same service as `user add`.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery";

    public static async Task<UserInfo> AddAsync(LedgerDatabase database, string name, string role, IReadOnlyList<string>? units = null, IReadOnlyList<string>? jurisdictions = null)
    {
        await using var db = await database.OpenAsync();
        var (user, problem) = await new UserService(db, TimeProvider.System, new SignInPolicy()).AddAsync(new NewUser(name, role, Password, units ?? [], jurisdictions ?? []), "test");
        Assert.True(problem is null, problem?.ToString());
        return user!;
    }

    public static async Task<string> TokenAsync(LedgerDatabase database, string name)
    {
        await using var db = await database.OpenAsync();
        var (token, _, problem) = await new UserService(db, TimeProvider.System, new SignInPolicy()).CreateTokenAsync(name, "test", null, "test");
        Assert.True(problem is null, problem?.ToString());
        return token!;
    }
}
