using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PolicyLedger.Ledger.Storage;

public enum LedgerProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the ledger lives: a SQLite file (the embedded default) or a PostgreSQL database. Made from the
/// <c>--db</c> option or the <c>POLICYLEDGER_DB</c> environment variable by <see cref="Parse"/>; immutable.
/// </summary>
public sealed class LedgerDatabase
{
    public const string EnvironmentVariable = "POLICYLEDGER_DB";

    /// <summary>The default SQLite file, in the current folder.</summary>
    public const string DefaultPath = "policyledger.db";

    /// <summary>How long a SQLite command waits for another process's write to finish before it gives up (seconds).</summary>
    public const int BusyTimeoutSeconds = 120;

    private LedgerDatabase(LedgerProvider provider, string connectionString, string display, string? sqliteFile = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Display = display;
        SqliteFile = sqliteFile;
        WriteTurns = sqliteFile is null ? null : new SqliteWriteTurns(sqliteFile);
    }

    /// <summary>Fair turns at the SQLite write lock between processes (null for PostgreSQL and in-memory databases).</summary>
    internal SqliteWriteTurns? WriteTurns { get; }

    /// <summary>The SQLite file (full path), or null for PostgreSQL and in-memory databases.</summary>
    public string? SqliteFile { get; }

    /// <summary>How long to wait for another process that is migrating the same ledger.</summary>
    public TimeSpan MigrationWait { get; init; } = TimeSpan.FromMinutes(2);

    public LedgerProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>How to name the database to a person (the file, or host and database without the password).</summary>
    public string Display { get; }

    /// <summary>
    /// Reads a database setting: a PostgreSQL URI (postgres://…) or connection string (Host=…), a SQLite connection
    /// string (Data Source=…), or else a path to a SQLite file. Null or empty falls back to the environment variable
    /// and then to <see cref="DefaultPath"/>.
    /// </summary>
    public static LedgerDatabase Parse(string? setting, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(setting))
        {
            setting = environment(EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(setting))
        {
            setting = DefaultPath;
        }

        setting = setting.Trim();
        if (setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUri(new Uri(setting)));
        }

        if (setting.Contains("Host=", StringComparison.OrdinalIgnoreCase) || setting.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(setting);
        }

        var sqlite = setting.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(setting)
            : new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(setting) };
        sqlite.Pooling = true;
        if (!setting.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            // Microsoft.Data.Sqlite retries a busy database for this long: long enough to wait for an import's batch.
            sqlite.DefaultTimeout = BusyTimeoutSeconds;
        }

        var memory = sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:";
        return new LedgerDatabase(LedgerProvider.Sqlite, sqlite.ToString(), sqlite.DataSource, memory ? null : Path.GetFullPath(sqlite.DataSource));
    }

    public static LedgerDatabase Sqlite(string path) => Parse(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ToString());

    /// <summary>
    /// A PostgreSQL ledger. Unless the connection string says otherwise, Npgsql prepares the statements a connection
    /// runs often (<c>Max Auto Prepare</c>): the 台账's queries are then planned once per connection, not on every
    /// request — planning cost PostgreSQL more CPU than running them (docs/web.md, Load). Nor does it reset a pooled
    /// connection's session when it is closed (<c>No Reset On Close</c>): the ledger keeps no session state (no SET, no
    /// temporary table, advisory locks only for a transaction), and the reset was one more statement PostgreSQL parsed
    /// and ran for each of the three or four queries of a web request.
    /// </summary>
    public static LedgerDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("ResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return new LedgerDatabase(LedgerProvider.Postgres, builder.ConnectionString, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>How many statements a PostgreSQL connection keeps prepared (the most used ones), unless the connection string sets it.</summary>
    public const int AutoPreparedStatements = 64;

    // A PostgreSQL context's options, built once: they are immutable, and building them for every context (a web request
    // makes one) cost EF Core a look-up of its service provider by comparing the options each time. SQLite's are built
    // for each context: they hold the context's own write-turn interceptor, which keeps the turn its transaction waits for.
    private DbContextOptions<PostgresLedgerContext>? _postgres;

    public LedgerContext CreateContext()
    {
        switch (Provider)
        {
            case LedgerProvider.Postgres:
                return new PostgresLedgerContext(_postgres ??= new DbContextOptionsBuilder<PostgresLedgerContext>()
                    .UseNpgsql(ConnectionString)
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                    .Options);
            default:
                var builder = new DbContextOptionsBuilder<SqliteLedgerContext>()
                    .UseSqlite(ConnectionString)
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
                if (WriteTurns is { } turns)
                {
                    builder.AddInterceptors(new SqliteWriteTurnInterceptor(turns));
                }

                var context = new SqliteLedgerContext(builder.Options);

                // Every write in a transaction, so each one waits its turn (see SqliteWriteTurns).
                context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
                return context;
        }
    }

    /// <summary>
    /// Creates the database on first use and applies the migrations it lacks (see <see cref="LedgerMigrations"/>: no
    /// lock is taken when none are pending, and the lock taken otherwise dies with its process). On SQLite it also
    /// creates the folder and turns on WAL (readers do not block the importer; a killed process leaves the last
    /// commit intact).
    /// </summary>
    public async Task<LedgerContext> OpenAsync(CancellationToken cancellationToken = default) => (await OpenAndMigrateAsync(cancellationToken)).Context;

    /// <summary>Opens the ledger as <see cref="OpenAsync"/> does and says which migrations were applied (the <c>migrate</c> command).</summary>
    public async Task<(LedgerContext Context, IReadOnlyList<string> Applied)> OpenAndMigrateAsync(CancellationToken cancellationToken = default)
    {
        if (SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new LedgerUnavailableException($"无法创建账本所在的文件夹 {folder}：{e.Message}", e);
            }
        }

        var context = CreateContext();
        try
        {
            var applied = await LedgerMigrations.EnsureAsync(this, context, MigrationWait, cancellationToken);

            // Values a migration cannot compute (a no-op query once filled; safe to repeat if a process died before it).
            await LedgerUpgrades.RunAsync(context, cancellationToken);
            return (context, applied);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    private static string FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }

    public override string ToString() => Display;
}
