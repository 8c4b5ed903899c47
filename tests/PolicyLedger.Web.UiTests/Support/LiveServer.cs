using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.UiTests.Support;

/// <summary>
/// The web application on a real Kestrel port of 127.0.0.1 (what a browser needs), on a SQLite file of the test's
/// own, with "today" moved to a chosen day. Stopped and its folder deleted at the end.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebApplication _app;

    private LiveServer(WebApplication app, string folder, LedgerDatabase database, string address)
    {
        _app = app;
        Folder = folder;
        Database = database;
        Address = address;
    }

    public string Folder { get; }

    public LedgerDatabase Database { get; }

    /// <summary>http://127.0.0.1:port</summary>
    public string Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LiveServer> StartAsync(DateOnly today)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pl-ui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = LedgerDatabase.Sqlite(Path.Combine(folder, "ledger.db"));
        var clock = ShiftedClock.At(today);
        var app = WebApp.Create(
            ["--urls", "http://127.0.0.1:0", "--Upload:Folder", Path.Combine(folder, "uploads"), "--Logging:LogLevel:Default", "Warning"],
            database,
            b => b.Services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveServer(app, folder, database, address.TrimEnd('/'));
    }

    /// <summary>Adds a user through the same service as `user add`.</summary>
    public async Task<UserInfo> AddUserAsync(string name, string role, IReadOnlyList<string>? units = null, IReadOnlyList<string>? jurisdictions = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var (user, problem) = await users.AddAsync(new NewUser(name, role, Password, units ?? [], jurisdictions ?? []), "test");
        Assert.True(problem is null, problem?.ToString());
        return user!;
    }

    /// <summary>Imports files through the same service as `import` and the 文件 page, as an administrator; fails the test on any file not imported.</summary>
    public async Task<ImportSummary> ImportAsync(params string[] paths)
    {
        using var scope = Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<DocumentImportService>();
        var files = paths.Select(p => new EvidenceFile(Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        var result = await importer.ImportAsync(Actor.LocalAdmin("test"), files, Path.Combine(Folder, "imported"));
        Assert.True(result.Ok, result.Ok ? null : result.Problem.ToString());
        Assert.All(result.Value.Files, f => Assert.True(f.Outcome != ImportOutcome.Failed, f.Message));
        return result.Value;
    }

    /// <summary>Runs a service of the application in a scope of its own (what the page shows is checked against it).</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>What `status` gives this actor at this day over its default scope: the source the pages are checked against.</summary>
    public Task<IReadOnlyList<StatusRow>> StatusAsync(Actor actor, DateOnly day) =>
        WithAsync<StatusService, IReadOnlyList<StatusRow>>(async s =>
        {
            var r = await s.StatusAsync(actor, new StatusQuery(TrackingScope.Default, day));
            Assert.True(r.Ok, r.Ok ? null : r.Problem.Message);
            return r.Value!.Rows;
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned by the system.
        }
    }
}
