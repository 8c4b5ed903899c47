using System.CommandLine;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger migrate</c>: brings the ledger's schema up to date and says what was applied. Every command does
/// this on first use anyway (under a lock that dies with its process); this is for an administrator who wants it
/// done, and seen, before users start (on PostgreSQL, say, by the role that owns the schema).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var command = new Command("migrate", t.T(
            "创建台账或将其数据库结构升级到最新，并列出已执行的迁移（各命令首次使用时也会自动执行）。",
            "Create the ledger or bring its schema up to date, and list the migrations applied (every command does it on first use too)."));
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), Console.Out, Console.Error, ct));
        return command;
    }

    /// <returns>0 when the ledger is current, 2 when it cannot be used.</returns>
    public static async Task<int> RunAsync(LedgerDatabase database, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        try
        {
            var (context, applied) = await database.OpenAndMigrateAsync(ct);
            await using (context)
            {
                await output.WriteLineAsync(applied.Count == 0
                    ? $"账本 {database.Display} 的数据结构已是最新"
                    : $"账本 {database.Display}：已应用 {applied.Count} 个迁移：{string.Join("、", applied)}");
            }

            return 0;
        }
        catch (Exception e) when (LedgerAccess.IsLedgerFailure(e))
        {
            await errors.WriteLineAsync(TrackingAccess.DatabaseFailure(database, e, Output.Terminal.WantsEnglish(null)));
            return 2;
        }
    }
}
