using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;

namespace PolicyLedger.Cli.Commands;

/// <summary>What a correction command acts with: the ledger, who acts, the clock, and the unit resolution of imports.</summary>
internal sealed record CorrectionScope(LedgerContext Db, string Actor, TimeProvider Clock, IUnitResolution Units);

/// <summary>Opens the ledger for a correction or review command and turns a database failure into one clear message.</summary>
internal static class CorrectionAccess
{
    /// <param name="aliases">The alias file or folder given (--aliases), else the default one: corrected units resolve as imported ones do.</param>
    public static async Task<int> RunAsync(LedgerDatabase database, string? by, string? aliases, string context, TextWriter errors, Func<CorrectionScope, Task<int>> run, CancellationToken ct)
    {
        var units = LedgerOptions.UnitResolution(LedgerOptions.AliasFile(aliases));
        foreach (var problem in units.Aliases.Errors)
        {
            await errors.WriteLineAsync($"{problem} (alias file)");
        }

        try
        {
            await using var db = await database.OpenAsync(ct);
            var actor = string.IsNullOrWhiteSpace(by) ? LedgerContext.DefaultActor() : by.Trim();
            db.AuditActor = actor;
            db.AuditContext = context;
            db.AuditClock = TrackingAccess.Clock;
            return await run(new CorrectionScope(db, actor, TrackingAccess.Clock, units));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            await errors.WriteLineAsync($"policyledger: 无法使用台账 {database.Display}：{e.GetBaseException().Message}");
            return 2;
        }
    }
}
