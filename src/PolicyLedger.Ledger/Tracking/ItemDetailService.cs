using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>An evidence file filed with a report (its content is served by id to those who see the item).</summary>
public sealed record EvidenceInfo(long Id, string FileName, long Size, string Sha256);

/// <summary>One unit's report on an item for one period, as stored (the latest correction), with its warnings and evidence.</summary>
public sealed record ReportInfo(
    long Id,
    string Period,
    TrackedUnit Unit,
    decimal? Percent,
    bool Done,
    IReadOnlyList<decimal> Figures,
    string? Narrative,
    string ReportedBy,
    DateOnly SubmittedOn,
    DateTimeOffset UpdatedAt,
    string Origin,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<EvidenceInfo> Evidence);

/// <summary>
/// A unit's role in an item in effect: as the clause wrote it and the unit it was resolved to, or as a reviewer's
/// correction put it (<paramref name="Corrected"/>: the mention is then the name the reviewer gave).
/// </summary>
public sealed record ItemRoleInfo(LedgerRole Role, string Mention, TrackedUnit? Unit, bool Implied, bool Corrected = false);

/// <summary>
/// Everything the 事项 page shows about one item: its row in `status` at the date, its headings, roles (cooperating
/// units too), figures and times as read, the reader's doubts, its source text with the item, clause, mentions,
/// figures and times marked, and every report on it with its evidence.
/// </summary>
/// <param name="Source">The lines of the stored text that hold the item; null where the version's text was not stored.</param>
public sealed record ItemDetail(
    StatusRow Row,
    IReadOnlyList<string> Headings,
    IReadOnlyList<ItemRoleInfo> Roles,
    IReadOnlyList<LedgerQuantity> Quantities,
    IReadOnlyList<LedgerTime> Times,
    IReadOnlyList<LedgerItemDiagnostic> Diagnostics,
    MarkedText? Source,
    IReadOnlyList<ReportInfo> Reports)
{
    public TrackedItem Item => Row.Item;

    /// <summary>What reviewers' corrections changed in the item (who, when, why), oldest first; empty when it is as read.</summary>
    public IReadOnlyList<ItemChange> Changes { get; init; } = [];
}

/// <summary>
/// One item for people to look at (the 事项 page, the API's item): found by its key, shown only to those who see it
/// (<see cref="Permissions.Sees"/>: the actor's jurisdictions, a reporter's own units).
/// </summary>
public sealed class ItemDetailService(LedgerContext db, TrackingItems items, StatusService status)
{
    /// <summary>The item a key names, when the actor may see it.</summary>
    public async Task<Result<TrackedItem>> FindAsync(Actor actor, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return denied;
        }

        var (item, problem) = await items.FindAsync(key, ct);
        if (item is null)
        {
            return Problems.ItemNotFound(problem!);
        }

        if (!actor.Sees(item.Jurisdiction))
        {
            return Problems.OutsideJurisdiction(actor, item.Jurisdiction);
        }

        if (!Permissions.Sees(actor, item))
        {
            return Problems.NotYourUnitItems(actor, string.Join("、", item.Units.Select(u => u.Name)));
        }

        return item;
    }

    public async Task<Result<ItemDetail>> DetailAsync(Actor actor, string key, DateOnly asOf, CancellationToken ct = default)
    {
        var found = await FindAsync(actor, key, ct);
        if (!found.Ok)
        {
            return found.Problem;
        }

        var item = found.Value;
        var row = (await status.LoadAsync([item], ct)).At(asOf).Single();
        var stored = await db.Items.AsNoTracking().Where(i => i.Id == item.ItemId)
            .Include(i => i.Responsibilities).ThenInclude(r => r.Unit)
            .Include(i => i.Quantities).Include(i => i.Times).Include(i => i.Diagnostics)
            .AsSplitQuery().SingleAsync(ct);
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == item.DocumentId, ct);
        var text = await db.SourceTexts.AsNoTracking()
            .Where(t => t.SourceId == document.SourceId && t.Version == document.Version)
            .Select(t => t.Text).FirstOrDefaultAsync(ct);
        var source = text is null ? null : SourceMarks.Around(text, new PolicyLedger.Reading.Syntax.TextSpan(stored.SpanStart, stored.SpanLength), SourceMarks.Of(stored));
        var (roles, changes) = await RolesAsync(item, stored, ct);
        return new ItemDetail(
            row,
            stored.Headings.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            roles,
            stored.Quantities.OrderBy(q => q.Ordinal).ToList(),
            stored.Times.OrderBy(t => t.Ordinal).ToList(),
            stored.Diagnostics.OrderBy(d => d.Ordinal).ToList(),
            source,
            await ReportsAsync(item, ct)) { Changes = changes };
    }

    /// <summary>
    /// The item's roles in effect, from the same corrected view every command uses (<see cref="EffectiveItems"/>): a
    /// role a reviewer put in place is marked corrected, a role removed is gone; the roles as read when no correction
    /// concerns the item.
    /// </summary>
    private async Task<(IReadOnlyList<ItemRoleInfo> Roles, IReadOnlyList<ItemChange> Changes)> RolesAsync(TrackedItem item, LedgerItem stored, CancellationToken ct)
    {
        var ledger = await EffectiveItems.LoadAsync(db, new ItemFilter(DocumentIds: [item.DocumentId], ItemIds: [stored.Id]), ct);
        if (ledger.Items.FirstOrDefault(e => e.Key == item.Key) is { } effective)
        {
            var roles = effective.Item.Roles
                .Select((r, i) => (Role: r, Order: i))
                .OrderBy(x => x.Role.Role).ThenBy(x => x.Order)
                .Select(x => new ItemRoleInfo(x.Role.Role, x.Role.Mention, x.Role.Unit is { } u ? new TrackedUnit(u.Id, u.Key, u.Name, u.Jurisdiction) : null, x.Role.Implied, x.Role.Corrected))
                .ToList();
            return (roles, effective.Changes);
        }

        return (stored.Responsibilities.OrderBy(r => r.Role).ThenBy(r => r.Ordinal)
            .Select(r => new ItemRoleInfo(r.Role, r.Mention, r.Unit is { } u ? new TrackedUnit(u.Id, u.Key, u.Name, u.Jurisdiction) : null, r.Implied))
            .ToList(), []);
    }

    /// <summary>Every report on the item (any unit, any period), oldest period first.</summary>
    public async Task<IReadOnlyList<ReportInfo>> ReportsAsync(TrackedItem item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Figures).Include(r => r.Evidence)
            .Where(r => r.SourceId == item.SourceId && r.DocumentPosition == item.DocumentPosition && r.ItemKey == item.ItemKey)
            .AsSplitQuery().ToListAsync(ct);
        var unitIds = reports.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new TrackedUnit(u.Id, u.Key, u.Name, u.Jurisdiction), ct);
        return reports
            .OrderBy(r => PolicyLedger.Tracking.Periods.ReportingPeriod.TryParse(r.Period, out var p) ? p.End : DateOnly.MaxValue)
            .ThenBy(r => r.SubmittedOn).ThenBy(r => r.Id)
            .Select(r => new ReportInfo(
                r.Id, r.Period, units[r.UnitId], r.Percent, r.Done,
                r.Figures.OrderBy(f => f.Id).Select(f => f.Value).ToList(),
                r.Narrative, r.ReportedBy, r.SubmittedOn, r.UpdatedAt, r.Origin,
                (r.Warnings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
                r.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceInfo(e.Id, e.FileName, e.Size, e.Sha256)).ToList()))
            .ToList();
    }
}
