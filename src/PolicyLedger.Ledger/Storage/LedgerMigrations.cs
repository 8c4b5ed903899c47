using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Brings a ledger's schema up to date, once, without a lock a dead process can hold forever.
/// <list type="number">
/// <item>Whether migrations are pending is read without any lock (the history table only), so the everyday command on a
/// current ledger never takes one.</item>
/// <item>Only when some are pending is a lock taken that dies with its process: an exclusive <c>flock</c> on
/// <c>LEDGER.lock</c> beside a SQLite file, a session advisory lock on PostgreSQL (on a connection of its own, not
/// pooled). Holding it, a row left in EF Core's <c>__EFMigrationsLock</c> by a killed process is stale and is
/// removed, pending migrations are read again (another process may have applied them meanwhile) and applied.</item>
/// </list>
/// A PostgreSQL database that does not exist is created first; two processes racing to create it both go on.
/// </summary>
internal static class LedgerMigrations
{
    /// <summary>The key of the PostgreSQL advisory lock every PolicyLedger process migrates under ("PLMIGRAT").</summary>
    internal const long AdvisoryKey = 0x504C_4D49_4752_4154;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <returns>The migrations this call applied (none when the ledger was current).</returns>
    public static async Task<IReadOnlyList<string>> EnsureAsync(LedgerDatabase database, LedgerContext context, TimeSpan wait, CancellationToken ct)
    {
        if (database.Provider == LedgerProvider.Postgres)
        {
            await CreatePostgresDatabaseAsync(context, ct);
        }

        IReadOnlyList<string> applied = [];
        if (await PendingAsync(database, context, ct))
        {
            await using var held = await AcquireAsync(database, wait, ct);
            await ClearStaleEfLockAsync(database, context, ct);
            applied = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (applied.Count > 0)
            {
                await context.Database.MigrateAsync(ct);
            }
        }

        if (database.Provider == LedgerProvider.Sqlite)
        {
            // WAL is a property of the file: set once, read cheaply after that.
            if (!string.Equals(await ScalarAsync(context, "PRAGMA journal_mode", ct) as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        return applied;
    }

    private static async Task<bool> PendingAsync(LedgerDatabase database, LedgerContext context, CancellationToken ct)
    {
        if (database.Provider == LedgerProvider.Sqlite && database.SqliteFile is { } file && (!File.Exists(file) || new FileInfo(file).Length == 0))
        {
            return true;
        }

        return (await context.Database.GetPendingMigrationsAsync(ct)).Any();
    }

    private static async Task CreatePostgresDatabaseAsync(LedgerContext context, CancellationToken ct)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it a moment ago: fine.
        }
    }

    /// <summary>A killed process may leave EF Core's lock row; holding the OS-level lock, any such row is stale.</summary>
    private static async Task ClearStaleEfLockAsync(LedgerDatabase database, LedgerContext context, CancellationToken ct)
    {
        if (database.Provider != LedgerProvider.Sqlite)
        {
            return;
        }

        if (await ScalarAsync(context, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'", ct) is > 0L)
        {
            await context.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct);
        }
    }

    private static async Task<object?> ScalarAsync(LedgerContext context, string sql, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static Task<IAsyncDisposable> AcquireAsync(LedgerDatabase database, TimeSpan wait, CancellationToken ct) =>
        database.Provider == LedgerProvider.Postgres ? AdvisoryLockAsync(database, wait, ct) : FileLockAsync(database, wait, ct);

    private static async Task<IAsyncDisposable> FileLockAsync(LedgerDatabase database, TimeSpan wait, CancellationToken ct)
    {
        if (database.SqliteFile is not { } file)
        {
            return NoLock.Instance; // an in-memory database belongs to one process
        }

        var path = file + ".lock";
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix (a share lock on Windows): the kernel drops it with the process.
                return new FileHolder(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (UnauthorizedAccessException e)
            {
                throw new LedgerUnavailableException($"账本 {database.Display} 需要升级数据结构，但无法在其所在文件夹创建锁文件 {path}：没有写权限（{e.Message}）");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by a live process that is migrating: wait for it.
            }

            if (DateTime.UtcNow - started > wait)
            {
                throw StillMigrating(database, wait);
            }

            await Task.Delay(Poll, ct);
        }
    }

    private static async Task<IAsyncDisposable> AdvisoryLockAsync(LedgerDatabase database, TimeSpan wait, CancellationToken ct)
    {
        // Not pooled: closing the connection must end the session and with it the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var started = DateTime.UtcNow;
            while (true)
            {
                await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
                {
                    command.Parameters.AddWithValue("key", AdvisoryKey);
                    if (await command.ExecuteScalarAsync(ct) is true)
                    {
                        return new ConnectionHolder(connection);
                    }
                }

                if (DateTime.UtcNow - started > wait)
                {
                    throw StillMigrating(database, wait);
                }

                await Task.Delay(Poll, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static LedgerUnavailableException StillMigrating(LedgerDatabase database, TimeSpan wait) =>
        new($"另一个进程正在升级账本 {database.Display} 的数据结构，等待 {wait.TotalSeconds:0} 秒后仍未结束；请稍后再试");

    private sealed class FileHolder(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }

    private sealed class ConnectionHolder(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>The ledger cannot be used now or here; the message says why, in Chinese, for the person at the keyboard.</summary>
public sealed class LedgerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
