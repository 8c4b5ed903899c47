using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>A unit's report form for a period: the unit is found by key, or by a name that means one unit in the scope.</summary>
public sealed class FormService(LedgerContext db, ScopeService scopes)
{
    public async Task<Result<ReportForm>> FormAsync(Actor actor, string unitNameOrKey, ReportingPeriod period, TrackingScope? scope = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var resolved = await scopes.AuthorizeAsync(actor, TrackingAction.ExportForm, scope, ct);
        if (!resolved.Ok)
        {
            return resolved.Problem;
        }

        var found = ScopeService.FindUnit(resolved.Value.InJurisdictions, unitNameOrKey);
        if (!found.Ok)
        {
            return found.Problem;
        }

        var unit = found.Value;
        if (!actor.ReportsFor(unit.Key))
        {
            return Problems.NotYourUnit(actor, unit.Name);
        }

        var items = resolved.Value.Items.Where(i => i.Units.Any(u => u.Id == unit.Id)).ToList();
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.UnitId == unit.Id).ToListAsync(ct);
        var rows = items.Select(i =>
        {
            var last = reports.Where(r => r.SourceId == i.SourceId && r.DocumentPosition == i.DocumentPosition && r.ItemKey == i.ItemKey
                    && ReportingPeriod.TryParse(r.Period, out var p) && p < period)
                .OrderByDescending(r => ReportingPeriod.Parse(r.Period)).FirstOrDefault();
            return new FormItem(i.Key, i.Document, i.Number, i.Text, i.TargetText, i.Target, i.TargetUnit, last?.Period, last?.Percent, last?.Done ?? false, last?.Narrative);
        }).ToList();
        return new ReportForm(unit.Name, period, rows, unit.Key);
    }
}
