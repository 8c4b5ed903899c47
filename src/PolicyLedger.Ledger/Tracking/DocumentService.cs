using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>One stored version of a document (the current one, and those a changed file replaced).</summary>
public sealed record DocumentVersionInfo(long DocumentId, int Version, bool Current, string ContentHash, DateTimeOffset ImportedAt, int Items);

/// <summary>A current document as the 文件 page lists it, with every version of it.</summary>
/// <param name="Versions">Newest first.</param>
public sealed record DocumentInfo(
    long Id,
    string Key,
    string? DocNumber,
    string? Title,
    string? Issuer,
    string Jurisdiction,
    DateOnly? Date,
    int Items,
    string FileName,
    int Position,
    IReadOnlyList<DocumentVersionInfo> Versions)
{
    public DocumentVersionInfo Current => Versions.First(v => v.Current);
}

/// <summary>
/// The documents a person sees (those of their jurisdictions; for a reporter, those holding one of its units' items),
/// each with its versions, and what the last imports did (supervisors and administrators).
/// </summary>
public sealed class DocumentService(LedgerContext db)
{
    public async Task<Result<IReadOnlyList<DocumentInfo>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return denied;
        }

        var current = db.Documents.AsNoTracking().Where(d => d.IsCurrent);
        if (actor.Jurisdictions.Count > 0)
        {
            var mine = actor.Jurisdictions.ToList();
            current = current.Where(d => mine.Contains(d.Jurisdiction));
        }

        if (actor.Role == ActorRole.Reporter)
        {
            var visible = ItemPages.Visible(db, actor).Select(i => i.DocumentId);
            current = current.Where(d => visible.Contains(d.Id));
        }

        var docs = await current.Include(d => d.Source).OrderBy(d => d.SourceId).ThenBy(d => d.Position).ToListAsync(ct);
        var sources = docs.Select(d => d.SourceId).Distinct().ToList();
        var versions = (await db.Documents.AsNoTracking().Where(d => sources.Contains(d.SourceId))
                .Select(d => new { d.Id, d.SourceId, d.Position, d.Version, d.IsCurrent, d.ContentHash, d.ImportedAt, d.ItemCount })
                .ToListAsync(ct))
            .ToLookup(d => (d.SourceId, d.Position));
        return docs.Select(d => new DocumentInfo(
                d.Id, d.Key, d.DocNumber, d.Title, d.Issuer, d.Jurisdiction, d.Date, d.ItemCount, d.Source?.FileName ?? "", d.Position,
                versions[(d.SourceId, d.Position)].OrderByDescending(v => v.Version)
                    .Select(v => new DocumentVersionInfo(v.Id, v.Version, v.IsCurrent, v.ContentHash, v.ImportedAt, v.ItemCount)).ToList()))
            .ToList();
    }

    /// <summary>The units that lead or are responsible for items the actor sees (what the 台账 can be filtered by), by jurisdiction and name.</summary>
    public async Task<Result<IReadOnlyList<TrackedUnit>>> UnitsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return denied;
        }

        var visible = ItemPages.Visible(db, actor).Select(i => i.Id);
        var unitIds = db.Responsibilities.AsNoTracking().Where(r => r.Role != LedgerRole.Cooperating && visible.Contains(r.ItemId)).Select(r => r.UnitId).Distinct();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new TrackedUnit(u.Id, u.Key, u.Name, u.Jurisdiction)).ToListAsync(ct);
        return units.OrderBy(u => u.Jurisdiction, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The latest lines of the import log (newest first): which file, what happened, and why a file failed.</summary>
    public async Task<Result<IReadOnlyList<ImportLogEntry>>> ImportLogAsync(Actor actor, int limit = 20, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.ImportDocuments) is { } denied)
        {
            return denied;
        }

        return await db.ImportLog.AsNoTracking().OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
    }
}
