using System.Globalization;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Cli.Commands;

/// <summary>Opens the ledger for a tracking command with who acts and the clock, and reads the shared option values.</summary>
internal static class TrackingAccess
{
    /// <summary>The CLI's edge: the only place the system clock is handed in.</summary>
    public static TimeProvider Clock { get; set; } = TimeProvider.System;

    public static async Task<int> RunAsync(LedgerDatabase database, string? actor, string context, TextWriter errors, Func<TrackingService, LedgerContext, Task<int>> run, CancellationToken ct)
    {
        try
        {
            await using var db = await database.OpenAsync(ct);
            db.AuditActor = string.IsNullOrWhiteSpace(actor) ? LedgerContext.DefaultActor() : actor;
            db.AuditContext = context;
            db.AuditClock = Clock;
            return await run(new TrackingService(db, Clock), db);
        }
        catch (Exception e) when (LedgerAccess.IsLedgerFailure(e))
        {
            await errors.WriteLineAsync($"policyledger: {LedgerErrors.Explain(e, database)}");
            return 2;
        }
    }

    public static bool TryPeriod(string? text, TextWriter errors, out ReportingPeriod period)
    {
        if (ReportingPeriod.TryParse(text, out period))
        {
            return true;
        }

        errors.WriteLine($"policyledger: '{text}' is not a period: write 2024Q2, 2024-05, 2024H1 or 2024");
        return false;
    }

    public static bool TryDate(string? text, TextWriter errors, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = TrackingClock.Today(Clock);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        errors.WriteLine($"policyledger: '{text}' is not a date: write 2024-07-10");
        return false;
    }
}
