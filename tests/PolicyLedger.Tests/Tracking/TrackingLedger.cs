using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// A throwaway SQLite ledger for tracking tests, filled with rows directly (no reader needed), and a fake clock.
/// </summary>
public sealed class TrackingLedger : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly List<AsyncServiceScope> _scopes = [];

    private TrackingLedger(string folder, LedgerDatabase database, LedgerContext db, FakeTimeProvider clock)
    {
        _folder = folder;
        Database = database;
        Db = db;
        Clock = clock;
        _services = new ServiceCollection().AddPolicyLedger(database, clock).BuildServiceProvider();
    }

    /// <summary>The local administrator the tests act as.</summary>
    public Actor Admin { get; } = Actor.LocalAdmin("tester");

    /// <summary>A service from a fresh scope (a command's or a request's worth: its own context and item cache).</summary>
    public T Get<T>()
        where T : notnull
    {
        var scope = _services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public ReportService Reports => Get<ReportService>();

    /// <summary>Every current item (a fresh read).</summary>
    public Task<IReadOnlyList<TrackedItem>> ItemsAsync() => Get<TrackingItems>().AllAsync();

    /// <summary>Status at a date over the whole ledger (or a scope), as the admin sees it.</summary>
    public async Task<IReadOnlyList<StatusRow>> StatusAsync(DateOnly asOf, TrackingScope? scope = null)
    {
        var result = await Get<StatusService>().StatusAsync(Admin, new StatusQuery(scope ?? TrackingScope.Default, asOf));
        Assert.True(result.Ok, result.Problem?.ToString());
        return result.Value.Rows;
    }

    /// <summary>Adds a report as the admin and says what it did.</summary>
    public Task<ReportResult> ReportAsync(ReportInput input) => Reports.AddAsync(Admin, input);

    public string Folder => _folder;

    public LedgerDatabase Database { get; }

    public LedgerContext Db { get; }

    public FakeTimeProvider Clock { get; }


    /// <param name="postgresServer">A PostgreSQL server's connection string: a throwaway database is made on it (and dropped after); null: SQLite.</param>
    public static async Task<TrackingLedger> CreateAsync(string? postgresServer = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pl-track-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = postgresServer is null
            ? LedgerDatabase.Sqlite(Path.Combine(folder, "ledger.db"))
            : LedgerDatabase.Postgres(new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = $"pl_track_{Guid.NewGuid():N}" }.ConnectionString);
        var db = await database.OpenAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        db.AuditClock = clock;
        db.AuditActor = "tester";
        return new TrackingLedger(folder, database, db, clock);
    }

    /// <summary>Sets the fake clock to 10:00 China time on <paramref name="date"/>.</summary>
    public void At(string date) =>
        Clock.SetUtcNow(new DateTimeOffset(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime());

    /// <summary>Adds a document with items: (key, text, units, target quantity or null), of a jurisdiction, with a cadence stored as at import.</summary>
    public async Task<LedgerSource> AddDocumentAsync(
        string path,
        string title,
        DateOnly date,
        IEnumerable<(string Key, string Text, string[] Units, (decimal Value, string Unit, string Text)? Target)> items,
        string jurisdiction = "甲市",
        string? cadenceText = "每季度末，各责任单位要向市政府报告重点工作进展情况。",
        string? docNumber = null,
        IReadOnlyDictionary<string, (DateOnly? Start, DateOnly? End)>? times = null)
    {
        var units = new Dictionary<string, LedgerUnit>(StringComparer.Ordinal);
        foreach (var u in Db.Units.ToList())
        {
            units[u.Key] = u;
        }

        var cadence = cadenceText is null ? PolicyLedger.Tracking.Periods.ReportingCadence.Default : StoredCadence.Read(cadenceText, 0, cadenceText.Length);

        var source = new LedgerSource { Path = path, FileName = Path.GetFileName(path), CurrentVersion = 1, CurrentHash = Guid.NewGuid().ToString("N") };
        var doc = new LedgerDocument
        {
            ContentHash = source.CurrentHash, IsCurrent = true, Version = 1, Position = 0, Title = title, Date = date, Jurisdiction = jurisdiction, DocNumber = docNumber,
            Key = PolicyLedger.Reading.Syntax.DocumentKey.Of(docNumber, title, date, source.FileName, 0),
            CadenceKind = cadence.Kind.ToString(), CadenceDueDay = cadence.DueDayOfNextMonth, CadenceSource = cadence.Source,
            ImportedAt = Clock.GetUtcNow(), SpanStart = 0, SpanLength = 0,
        };
        source.Documents.Add(doc);
        var ordinal = 0;
        foreach (var (key, text, names, target) in items)
        {
            var item = new LedgerItem { Key = key, Number = int.TryParse(key, out var n) ? n : null, Marker = key + ".", Headings = "", Text = text, Ordinal = ordinal++ };
            var r = 0;
            foreach (var name in names)
            {
                var unitKey = jurisdiction + "/" + name;
                if (!units.TryGetValue(unitKey, out var unit))
                {
                    unit = new LedgerUnit { Key = unitKey, Name = name, Jurisdiction = jurisdiction, Kind = PolicyLedger.Reading.Units.UnitKind.Department };
                    units[unitKey] = unit;
                }

                // A unit stored before is referred to by id; a new one goes in with the document.
                item.Responsibilities.Add(unit.Id != 0
                    ? new LedgerResponsibility { UnitId = unit.Id, Role = r == 0 ? LedgerRole.Lead : LedgerRole.Responsible, Mention = name, Ordinal = r++ }
                    : new LedgerResponsibility { Unit = unit, Role = r == 0 ? LedgerRole.Lead : LedgerRole.Responsible, Mention = name, Ordinal = r++ });
            }

            if (times is not null && times.TryGetValue(key, out var time))
            {
                item.Times.Add(new LedgerTime { Text = "时限", Start = time.Start, End = time.End, Ordinal = 0 });
            }

            if (target is { } t)
            {
                item.Quantities.Add(new LedgerQuantity { Text = t.Text, Kind = "Measure", Value = t.Value, Unit = t.Unit, Bound = "Exact", Ordinal = 0 });
            }

            doc.Items.Add(item);
        }

        doc.ItemCount = doc.Items.Count;
        Db.Sources.Add(source);
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _services.DisposeAsync();
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Database.Provider == LedgerProvider.Postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString);
            var name = builder.Database;
            Npgsql.NpgsqlConnection.ClearAllPools();
            builder.Database = "postgres";
            builder.Pooling = false;
            await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
