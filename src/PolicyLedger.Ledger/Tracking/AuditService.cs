using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>The audit log, newest first, for those who may read it.</summary>
public sealed class AuditService(LedgerContext db, TrackingItems items)
{
    /// <summary>
    /// The audit log, newest first; <paramref name="item"/> (its key, 济管〔2023〕19号#12, or its anchor, 3#12) keeps the
    /// rows of that item's reports, figures and evidence.
    /// </summary>
    public async Task<Result<IReadOnlyList<AuditEntry>>> ListAsync(Actor actor, string? entity = null, string? by = null, DateTimeOffset? since = null, int limit = 200, CancellationToken ct = default, string? item = null)
    {
        if (Permissions.Check(actor, TrackingAction.ViewAudit) is { } denied)
        {
            return denied;
        }

        var q = db.AuditLog.AsNoTracking();
        if (item is not null)
        {
            // Audit rows name a report by its anchor ("3#12 2024Q2"): the key as typed (济管〔2023〕19号#12) is looked up first.
            var (found, _) = await items.FindAsync(item, ct);
            var anchor = found is null ? item.Trim() : TrackedItem.MakeKey(found.SourceId, found.DocumentPosition, found.ItemKey);
            var prefix = anchor + " ";
            q = q.Where(a => a.EntityKey == anchor || a.EntityKey!.StartsWith(prefix));
        }

        if (entity is not null)
        {
            q = q.Where(a => a.Entity == entity);
        }

        if (by is not null)
        {
            q = q.Where(a => a.Actor == by);
        }

        var list = await q.OrderByDescending(a => a.Id).Take(Math.Max(1, limit) * 4).ToListAsync(ct);
        if (since is { } s)
        {
            list = list.Where(a => a.At >= s).ToList();
        }

        return list.Take(Math.Max(1, limit)).ToList();
    }

    /// <summary>
    /// The changes to one item's progress reports (their inserts, which name the item's anchor and period, and later
    /// corrections and deletions, which name the report's row), oldest first, for those who may read the audit log.
    /// </summary>
    public async Task<Result<IReadOnlyList<AuditEntry>>> ItemTrailAsync(Actor actor, TrackedItem item, IReadOnlyCollection<long> reportIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(reportIds);
        if (Permissions.Check(actor, TrackingAction.ViewAudit) is { } denied)
        {
            return denied;
        }

        var anchor = TrackedItem.MakeKey(item.SourceId, item.DocumentPosition, item.ItemKey) + " ";
        var ids = reportIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return await db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == "progress_reports" && a.EntityKey != null && (a.EntityKey.StartsWith(anchor) || ids.Contains(a.EntityKey)))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
    }
}
