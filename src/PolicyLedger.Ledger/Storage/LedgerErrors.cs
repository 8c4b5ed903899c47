using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Turns what a database driver throws into one Chinese sentence for the person at the keyboard (what was not
/// found, not allowed, or not reachable), and tells errors about the ledger as a whole (the server stopped, the file is
/// read-only, the disk is full) from errors about the rows of one file. Database messages never reach users raw.
/// </summary>
public static class LedgerErrors
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMemory = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteNotADatabase = 26;

    /// <summary>Whether a failure is about the ledger as a whole: retrying other files against it is pointless.</summary>
    public static bool IsUnavailable(Exception e)
    {
        foreach (var x in Chain(e))
        {
            switch (x)
            {
                case LedgerUnavailableException or TimeoutException or SocketException:
                    return true;
                case SqliteException s:
                    return (s.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteNoMemory or SqliteReadOnly or SqliteIoError
                        or SqliteCorrupt or SqliteFull or SqliteCantOpen or SqliteNotADatabase;
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
                        || p.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources: disk full, out of memory
                        || p.SqlState.StartsWith("57P", StringComparison.Ordinal) // the server is shutting down
                        || p.SqlState.StartsWith("28", StringComparison.Ordinal) // authorization
                        || p.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege;
                case NpgsqlException:
                    return true; // not a PostgresException: the connection itself failed
            }
        }

        return false;
    }

    /// <summary>One Chinese sentence saying what is wrong, naming the ledger (never its password).</summary>
    public static string Explain(Exception e, LedgerDatabase database)
    {
        var ledger = database.Display;
        if (Chain(e).Any(x => x is TimeoutException) && !Chain(e).Any(x => x is LedgerUnavailableException))
        {
            // Npgsql wraps its timeouts (a lock waited for too long, a busy server) in an NpgsqlException.
            return $"等待账本 {ledger} 超时：其他进程正在写入，或服务器太忙；请稍后再试";
        }

        foreach (var x in Chain(e))
        {
            switch (x)
            {
                case LedgerUnavailableException u:
                    return u.Message;
                case SqliteException s:
                    return (s.SqliteErrorCode & 0xFF) switch
                    {
                        SqliteBusy or SqliteLocked => $"账本 {ledger} 正被其他进程写入，等待 {LedgerDatabase.BusyTimeoutSeconds} 秒后仍未轮到；请稍后再试",
                        SqliteReadOnly => $"账本 {ledger} 是只读的（文件或其所在文件夹不可写），无法写入；已有内容未受影响",
                        SqliteFull => $"磁盘已满，账本 {ledger} 无法写入；已提交的内容未受影响",
                        SqliteIoError => $"读写账本 {ledger} 时发生磁盘错误（{s.Message}）",
                        SqliteCorrupt => $"账本 {ledger} 已损坏，无法读取；请从备份恢复",
                        SqliteNotADatabase => $"{ledger} 不是 PolicyLedger 账本（SQLite 数据库）文件",
                        SqliteCantOpen => $"无法打开账本 {ledger}：文件夹不存在或没有访问权限",
                        SqliteNoMemory => $"内存不足，无法使用账本 {ledger}",
                        SqliteConstraint => $"账本 {ledger} 拒绝了这次写入：与已有记录冲突（{s.Message}）",
                        _ => $"无法使用账本 {ledger}：{s.Message}",
                    };
                case PostgresException p:
                    return p.SqlState switch
                    {
                        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => $"PostgreSQL 拒绝登录账本 {ledger}：用户名或密码不对",
                        PostgresErrorCodes.InvalidCatalogName => $"PostgreSQL 上没有账本数据库 {ledger}",
                        PostgresErrorCodes.InsufficientPrivilege => $"没有权限使用账本 {ledger}（{p.MessageText}）",
                        PostgresErrorCodes.ReadOnlySqlTransaction => $"账本 {ledger} 所在的 PostgreSQL 服务器只读，无法写入",
                        PostgresErrorCodes.DiskFull => $"PostgreSQL 服务器磁盘已满，账本 {ledger} 无法写入；已提交的内容未受影响",
                        PostgresErrorCodes.UniqueViolation => $"账本 {ledger} 拒绝了这次写入：与已有记录冲突（{p.ConstraintName}）",
                        _ when p.SqlState.StartsWith("57P", StringComparison.Ordinal) => $"PostgreSQL 服务器已停止或正在关闭，账本 {ledger} 暂不可用",
                        _ when p.SqlState.StartsWith("08", StringComparison.Ordinal) => $"与 PostgreSQL 服务器的连接中断，账本 {ledger} 暂不可用",
                        _ => $"账本 {ledger} 的操作失败：{p.MessageText}",
                    };
                case NpgsqlException or SocketException:
                    return $"无法连接账本 {ledger} 所在的 PostgreSQL 服务器（服务器未运行、地址不对或网络中断）";
                case TimeoutException:
                    return $"等待账本 {ledger} 超时";
            }
        }

        return $"无法使用账本 {ledger}：{e.GetBaseException().Message}";
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
