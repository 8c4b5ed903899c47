using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>The audit log, newest first, for those who may read it.</summary>
public sealed class AuditService(LedgerContext db)
{
    public async Task<Result<IReadOnlyList<AuditEntry>>> ListAsync(Actor actor, string? entity = null, string? by = null, DateTimeOffset? since = null, int limit = 200, CancellationToken ct = default)
    {
        if (Permissions.Check(actor, TrackingAction.ViewAudit) is { } denied)
        {
            return denied;
        }

        var q = db.AuditLog.AsNoTracking();
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
}
