using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Values a migration cannot compute, filled in C# once after the migration that added them: document keys of
/// documents imported before keys existed, the cadence of documents imported before cadences were stored (read
/// from the stored text of their version, never from the file), and the submission day of reports recorded before
/// reports were dated. Each step is a no-op query when there is nothing to fill.
/// </summary>
internal static class LedgerUpgrades
{
    public static async Task RunAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        // A ledger corrected before the 台账 kept its corrected rows (or by a build that did not keep them): build them once.
        if (await Corrections.CorrectedRows.MissingAsync(context, cancellationToken))
        {
            await Corrections.CorrectedRows.RefreshAsync(context, null, cancellationToken);
        }

        var changed = false;
        var missing = await context.Documents.AsTracking().Where(d => d.Key == string.Empty).Include(d => d.Source).ToListAsync(cancellationToken);
        foreach (var document in missing)
        {
            document.Key = DocumentKey.Of(document.DocNumber, document.Title, document.Date, document.Source?.FileName ?? string.Empty, document.Position);
            changed = true;
        }

        var uncadenced = await context.Documents.AsTracking().Where(d => d.CadenceKind == null).ToListAsync(cancellationToken);
        foreach (var version in uncadenced.GroupBy(d => (d.SourceId, d.Version)))
        {
            var text = await context.SourceTexts.Where(t => t.SourceId == version.Key.SourceId && t.Version == version.Key.Version)
                .Select(t => t.Text).FirstOrDefaultAsync(cancellationToken);
            foreach (var document in version)
            {
                var cadence = text is null ? PolicyLedger.Tracking.Periods.ReportingCadence.Default : StoredCadence.Read(text, document.SpanStart, document.SpanLength);
                document.CadenceKind = cadence.Kind.ToString();
                document.CadenceDueDay = cadence.DueDayOfNextMonth;
                document.CadenceSource = cadence.Source;
                changed = true;
            }
        }

        var undated = await context.ProgressReports.AsTracking().Where(r => r.SubmittedOn == default).ToListAsync(cancellationToken);
        foreach (var report in undated)
        {
            // Reports recorded before they were dated were judged by the day they were recorded, in China.
            report.SubmittedOn = DateOnly.FromDateTime(report.SubmittedAt.ToOffset(TrackingClock.ChinaOffset).DateTime);
            changed = true;
        }

        if (!changed)
        {
            return;
        }

        var actor = context.AuditContext;
        context.AuditContext = "upgrade";
        await context.SaveChangesAsync(cancellationToken);
        context.AuditContext = actor;
        context.ChangeTracker.Clear();
    }
}
