using System.Net;
using System.Text.RegularExpressions;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>
/// Starting the web application is one command: `serve` on a ledger without users adds the administrator and prints
/// its password once; that password signs in; a second start adds nobody and prints no password.
/// </summary>
public sealed partial class FirstStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-first-start-").FullName;

    [Fact]
    public async Task A_first_start_adds_the_administrator_once_and_its_password_signs_in()
    {
        var db = Path.Combine(_folder, "ledger.db");
        string password;
        await using (var first = await RealServer.StartAsync(db))
        {
            var line = InitialPassword().Match(first.Log);
            Assert.True(line.Success, first.Log);
            password = line.Groups[1].Value;
            Assert.Equal(20, password.Length);

            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            var wrong = await TwoInstanceTests.PostSignInAsync(client, first, "admin", password + "x");
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
            var signedIn = await TwoInstanceTests.PostSignInAsync(client, first, "admin", password);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signedIn.StatusCode}\n{first.Log}");
        }

        await using (var second = await RealServer.StartAsync(db))
        {
            Assert.DoesNotContain("初始密码", second.Log, StringComparison.Ordinal);
        }

        var (code, users, _) = await RealServer.RunAsync(null, "--db", db, "user", "list");
        Assert.Equal(0, code);
        Assert.Single(users.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("admin\tadmin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ledger_with_users_gets_no_administrator_it_did_not_ask_for()
    {
        var db = Path.Combine(_folder, "ledger.db");
        var (added, _, errors) = await RealServer.RunAsync("a long password here", "--db", db, "user", "add", "督查甲", "--role", "supervisor", "--password-stdin");
        Assert.True(added == 0, errors);
        await using var server = await RealServer.StartAsync(db);
        Assert.DoesNotContain("初始密码", server.Log, StringComparison.Ordinal);
        var (_, users, _) = await RealServer.RunAsync(null, "--db", db, "user", "list");
        Assert.DoesNotContain("admin\tadmin", users, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("已添加管理员 admin，初始密码 ([A-Za-z0-9]+)（只显示这一次")]
    private static partial Regex InitialPassword();
}
