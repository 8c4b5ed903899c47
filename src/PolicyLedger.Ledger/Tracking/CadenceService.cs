using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>A document's reporting cadence as tracking applies it.</summary>
public sealed record DocumentCadenceRow(long SourceId, int Position, string DocumentKey, string Document, string Jurisdiction, ReportingCadence Cadence);

/// <summary>Each document's cadence (stored at import from its text, or an office's override), and the override itself.</summary>
public sealed class CadenceService(LedgerContext db, ScopeService scopes, TrackingItems items)
{
    public async Task<Result<IReadOnlyList<DocumentCadenceRow>>> ListAsync(Actor actor, TrackingScope? scope = null, CancellationToken ct = default)
    {
        var resolved = await scopes.AuthorizeAsync(actor, TrackingAction.ViewCadence, scope, ct);
        if (!resolved.Ok)
        {
            return resolved.Problem;
        }

        return resolved.Value.Items.GroupBy(i => i.DocumentId).Select(g => g.First())
            .Select(i => new DocumentCadenceRow(i.SourceId, i.DocumentPosition, i.DocumentKey, i.Document, i.Jurisdiction, i.Cadence)).ToList();
    }

    /// <summary>Sets (or with both null, clears) a document's cadence: the override of what its text says.</summary>
    public async Task<Result<ReportingCadence>> SetAsync(Actor actor, long sourceId, int position, PeriodKind? kind, int? dueDay, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.ChangeCadence) is { } denied)
        {
            return denied;
        }

        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.SourceId == sourceId && d.Position == position && d.IsCurrent, ct);
        if (document is null)
        {
            return Problems.SourceNotFound(sourceId);
        }

        if (!actor.Sees(document.Jurisdiction))
        {
            return Problems.OutsideJurisdiction(actor, document.Jurisdiction);
        }

        if (dueDay is < 1 or > 31)
        {
            return Problems.Invalid("PL-D02", "截止日须在1到31之间", "the due day must be 1–31");
        }

        db.AuditActor = actor.Name;
        var row = await db.Cadences.AsTracking().FirstOrDefaultAsync(c => c.SourceId == sourceId && c.DocumentPosition == position, ct);
        if (kind is null && dueDay is null)
        {
            if (row is not null)
            {
                db.Cadences.Remove(row);
            }
        }
        else if (row is null)
        {
            db.Cadences.Add(new DocumentCadence { SourceId = sourceId, DocumentPosition = position, Kind = (kind ?? StoredCadence.Of(document).Kind).ToString(), DueDay = dueDay, Origin = "override" });
        }
        else
        {
            row.Kind = (kind ?? Enum.Parse<PeriodKind>(row.Kind)).ToString();
            row.DueDay = dueDay;
        }

        await db.SaveChangesAsync(ct);
        items.Invalidate();
        var now = await db.Cadences.AsNoTracking().FirstOrDefaultAsync(c => c.SourceId == sourceId && c.DocumentPosition == position, ct);
        return StoredCadence.Effective(document, now);
    }
}
