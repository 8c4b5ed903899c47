using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>Which page of the 台账 to show: a scope, a date, optionally one unit and one state, the page (from 1) and its size.</summary>
/// <param name="DeadlineFrom">With <paramref name="DeadlineTo"/>: only items whose deadline (as `status` judges it) falls within these days; items without a deadline are then left out.</param>
public sealed record ItemPageQuery(
    TrackingScope Scope,
    DateOnly AsOf,
    string? Unit = null,
    TrackingState? State = null,
    int Page = 1,
    int PageSize = ItemPages.DefaultPageSize,
    DateOnly? DeadlineFrom = null,
    DateOnly? DeadlineTo = null)
{
    /// <summary>Whether the filter needs every row judged (a state or a deadline), not only the page's.</summary>
    public bool JudgesAll => State is not null || DeadlineFrom is not null || DeadlineTo is not null;

    public bool Keeps(StatusRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (State is { } state && row.Status.State != state)
        {
            return false;
        }

        if (DeadlineFrom is null && DeadlineTo is null)
        {
            return true;
        }

        return row.Status.Deadline is { } d && (DeadlineFrom is null || d >= DeadlineFrom) && (DeadlineTo is null || d <= DeadlineTo);
    }
}

/// <summary>One page of status rows, how many rows the whole filter has, and the states counted over all of them.</summary>
public sealed record ItemPage(IReadOnlyList<StatusRow> Rows, int Total, int Page, int PageSize, DateOnly AsOf, IReadOnlyDictionary<TrackingState, int>? Counts);

/// <summary>
/// The 台账 of a large ledger, a page at a time: who sees what (the actor's jurisdictions, a reporter's units —
/// the same rule as <see cref="Permissions.Sees"/>), the jurisdiction, document and unit filters and the paging are
/// done by the database; only the rows of the page (or, when a state is asked for, the rows of the filter) are built
/// and judged by the status rules, with the same <see cref="StatusBook"/> that `status` uses.
/// </summary>
public sealed class ItemPages(LedgerContext db, TrackingItems items, StatusService status, ScopeService scopes)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    /// <summary>One page of the 台账.</summary>
    public async Task<Result<ItemPage>> PageAsync(Actor actor, ItemPageQuery query, CancellationToken ct = default) =>
        await RunAsync(actor, query, countStates: false, ct);

    /// <summary>The status of a scope: the states counted over every row of the filter, and one page of its rows.</summary>
    public async Task<Result<ItemPage>> StatusAsync(Actor actor, ItemPageQuery query, CancellationToken ct = default) =>
        await RunAsync(actor, query, countStates: true, ct);

    private async Task<Result<ItemPage>> RunAsync(Actor actor, ItemPageQuery query, bool countStates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return denied;
        }

        if (query.Page < 1 || query.PageSize < 1 || query.PageSize > MaxPageSize)
        {
            return Problems.Invalid("PL-Q01", $"页码须从1起，每页1到{MaxPageSize}行", $"page must be 1 or more and the page size 1 to {MaxPageSize}");
        }

        var filtered = await FilterAsync(actor, query, ct);
        if (!filtered.Ok)
        {
            return filtered.Problem;
        }

        var ordered = filtered.Value.OrderBy(i => i.DocumentId).ThenBy(i => i.Ordinal).Select(i => i.Id);
        if (!query.JudgesAll && !countStates)
        {
            // The page's ids and the filter's count in one round trip: the count is a subquery the database evaluates once.
            var filter = filtered.Value;
            var counted = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .Select(id => new { Id = id, Total = filter.Count() }).ToListAsync(ct);
            var total = counted.Count > 0 ? counted[0].Total : await ordered.CountAsync(ct);
            var rows = await JudgeAsync(counted.Select(c => c.Id).ToList(), query.AsOf, ct);
            return new ItemPage(rows, total, query.Page, query.PageSize, query.AsOf, null);
        }

        var all = await JudgeAsync(await ordered.ToListAsync(ct), query.AsOf, ct);
        var counts = all.GroupBy(r => r.Status.State).ToDictionary(g => g.Key, g => g.Count());
        var chosen = all.Where(query.Keeps).ToList();
        return new ItemPage(chosen.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), chosen.Count, query.Page, query.PageSize, query.AsOf, countStates ? counts : null);
    }

    /// <summary>Every row the filter selects (all its pages), in the 台账's order: what an export of the 台账 as shown holds.</summary>
    public async Task<Result<IReadOnlyList<StatusRow>>> RowsAsync(Actor actor, ItemPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return denied;
        }

        var filtered = await FilterAsync(actor, query, ct);
        if (!filtered.Ok)
        {
            return filtered.Problem;
        }

        var ids = await filtered.Value.OrderBy(i => i.DocumentId).ThenBy(i => i.Ordinal).Select(i => i.Id).ToListAsync(ct);
        return (await JudgeAsync(ids, query.AsOf, ct)).Where(query.Keeps).ToList();
    }

    /// <summary>The status rows of these items at a date, in the order of the ids.</summary>
    private async Task<IReadOnlyList<StatusRow>> JudgeAsync(IReadOnlyList<long> ids, DateOnly asOf, CancellationToken ct)
    {
        var tracked = await items.OfItemsAsync(ids, ct);
        var book = await status.LoadAsync(tracked, ct);
        var order = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return book.At(asOf).Where(r => r.Item.ItemId is not null).OrderBy(r => order[r.Item.ItemId!.Value]).ToList();
    }

    /// <summary>The current items the actor sees, narrowed by the query's jurisdiction, document (or the saved default scope) and unit, as a database query.</summary>
    public async Task<Result<IQueryable<LedgerItem>>> FilterAsync(Actor actor, ItemPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var scope = query.Scope is null || query.Scope.IsEmpty ? await scopes.DefaultAsync(ct) : query.Scope;
        var q = Visible(db, actor);
        if (!string.IsNullOrWhiteSpace(scope.Jurisdiction))
        {
            // A jurisdiction named exactly is looked up by the index; only a partial name needs every jurisdiction's name.
            var typed = scope.Jurisdiction.Trim();
            var known = await db.Documents.AsNoTracking().AnyAsync(d => d.IsCurrent && d.Jurisdiction == typed, ct)
                ? [typed]
                : await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Select(d => d.Jurisdiction).Distinct().ToListAsync(ct);
            var match = ScopeService.MatchJurisdiction(actor, known, scope.Jurisdiction);
            if (!match.Ok)
            {
                return match.Problem;
            }

            var jurisdiction = match.Value;
            q = q.Where(i => i.Document!.Jurisdiction == jurisdiction);
        }

        if (!string.IsNullOrWhiteSpace(scope.Document))
        {
            // Matched among every current document, so that asking for one outside the actor's jurisdictions is a denial, not "not found".
            var docs = db.Documents.AsNoTracking().Where(d => d.IsCurrent);
            var candidates = await docs.Select(d => new DocumentName(d.Id, d.Key, d.DocNumber ?? d.Title ?? d.Source!.FileName, d.SourceId, d.Jurisdiction)).ToListAsync(ct);
            var found = ScopeService.MatchDocuments(actor, candidates, d => d.Key, d => d.Display, d => d.Jurisdiction, scope.Document);
            if (!found.Ok)
            {
                return found.Problem;
            }

            var ids = found.Value.Select(d => d.Id).ToList();
            q = q.Where(i => ids.Contains(i.DocumentId));
        }

        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            var unit = await FindUnitAsync(actor, query.Unit.Trim(), ct);
            if (!unit.Ok)
            {
                return unit.Problem;
            }

            var unitId = unit.Value.Id;
            q = q.Where(i => i.Responsibilities.Any(r => r.UnitId == unitId && r.Role != LedgerRole.Cooperating));
        }

        return Result<IQueryable<LedgerItem>>.From(q);
    }

    /// <summary>
    /// The current items an actor sees, as a database query: items of current documents in the actor's
    /// jurisdictions (all where none are set), and for a reporter only those one of its units leads or is
    /// responsible for — <see cref="Permissions.Sees"/> in SQL.
    /// </summary>
    public static IQueryable<LedgerItem> Visible(LedgerContext db, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var q = db.Items.AsNoTracking().Where(i => i.Document!.IsCurrent);
        if (actor.Jurisdictions.Count > 0)
        {
            var jurisdictions = actor.Jurisdictions.ToList();
            q = q.Where(i => jurisdictions.Contains(i.Document!.Jurisdiction));
        }

        if (actor.Role == ActorRole.Reporter)
        {
            var units = actor.UnitKeys.ToList();
            q = q.Where(i => i.Responsibilities.Any(r => r.Role != LedgerRole.Cooperating && units.Contains(r.Unit!.Key)));
        }

        return q;
    }

    /// <summary>
    /// A unit by key, or by a name one unit in the actor's jurisdictions has; several of that name is an error listing
    /// them, and for a reporter any unit not its own is a denial.
    /// </summary>
    private async Task<Result<TrackedUnit>> FindUnitAsync(Actor actor, string typed, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking().Where(u => u.Key == typed || u.Name == typed);
        if (actor.Jurisdictions.Count > 0)
        {
            var mine = actor.Jurisdictions.ToList();
            units = units.Where(u => mine.Contains(u.Jurisdiction));
        }

        var found = await units.Select(u => new TrackedUnit(u.Id, u.Key, u.Name, u.Jurisdiction)).ToListAsync(ct);
        var byKey = found.Where(u => u.Key == typed).ToList();
        var chosen = byKey.Count == 1 ? byKey : found;
        if (chosen.Count == 0)
        {
            return Problems.UnitNotFound(typed);
        }

        if (chosen.Count > 1)
        {
            return Problems.UnitAmbiguous(typed, chosen.OrderBy(u => u.Jurisdiction, StringComparer.Ordinal).Select(u => (u.Name, u.Key, u.Jurisdiction)));
        }

        if (actor.Role == ActorRole.Reporter && !actor.UnitKeys.Contains(chosen[0].Key, StringComparer.Ordinal))
        {
            return Problems.NotYourUnitItems(actor, chosen[0].Name);
        }

        return chosen[0];
    }

    private sealed record DocumentName(long Id, string Key, string? Name, long SourceId, string Jurisdiction)
    {
        public string Display => Name ?? SourceId.ToString(CultureInfo.InvariantCulture);
    }
}
