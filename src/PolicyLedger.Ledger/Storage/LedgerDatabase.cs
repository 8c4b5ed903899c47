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

    private LedgerDatabase(LedgerProvider provider, string connectionString, string display)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Display = display;
    }

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
        return new LedgerDatabase(LedgerProvider.Sqlite, sqlite.ToString(), sqlite.DataSource);
    }

    public static LedgerDatabase Sqlite(string path) => Parse(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ToString());

    public static LedgerDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new LedgerDatabase(LedgerProvider.Postgres, builder.ConnectionString, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
    }

    public LedgerContext CreateContext()
    {
        switch (Provider)
        {
            case LedgerProvider.Postgres:
                var pg = new DbContextOptionsBuilder<PostgresLedgerContext>()
                    .UseNpgsql(ConnectionString)
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                    .Options;
                return new PostgresLedgerContext(pg);
            default:
                var lite = new DbContextOptionsBuilder<SqliteLedgerContext>()
                    .UseSqlite(ConnectionString)
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                    .Options;
                return new SqliteLedgerContext(lite);
        }
    }

    /// <summary>
    /// Creates the database on first use and applies the migrations it lacks. On SQLite it also creates the folder
    /// and turns on WAL (readers do not block the importer; a killed process leaves the last commit intact).
    /// </summary>
    public async Task<LedgerContext> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == LedgerProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(Display));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var context = CreateContext();
        try
        {
            await context.Database.MigrateAsync(cancellationToken);
            await LedgerUpgrades.RunAsync(context, cancellationToken);
            if (Provider == LedgerProvider.Sqlite)
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            return context;
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
