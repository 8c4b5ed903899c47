using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Corrections;
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

        if (!query.JudgesAll && !countStates)
        {
            // A jurisdiction named exactly needs no lookup of its own: the page is asked for at once, and only an empty
            // answer looks the name up (a partial name, one outside the actor's jurisdictions, one that does not exist).
            var quick = await FilterAsync(actor, query, exactJurisdiction: true, ct);
            if (!quick.Ok)
            {
                return quick.Problem;
            }

            var page = await PageOfAsync(quick.Value, query, ct);
            if (page.Total > 0 || string.IsNullOrWhiteSpace(quick.Value.Jurisdiction))
            {
                return page;
            }

            var filtered = await FilterAsync(actor, query, exactJurisdiction: false, ct);
            if (!filtered.Ok)
            {
                return filtered.Problem;
            }

            return filtered.Value.Jurisdiction == quick.Value.Jurisdiction ? page : await PageOfAsync(filtered.Value, query, ct);
        }

        var all = await FilterAsync(actor, query, exactJurisdiction: false, ct);
        if (!all.Ok)
        {
            return all.Problem;
        }

        if (all.Value.UnitId is { } unitId)
        {
            return await OfUnitAsync(all.Value, unitId, query, countStates, ct);
        }

        var judged = await JudgeAsync(await Ordered(all.Value.Rows).ToListAsync(ct), query.AsOf, ct);
        var counts = judged.GroupBy(r => r.Status.State).ToDictionary(g => g.Key, g => g.Count());
        var chosen = judged.Where(query.Keeps).ToList();
        return new ItemPage(chosen.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), chosen.Count, query.Page, query.PageSize, query.AsOf, countStates ? counts : null);
    }

    /// <summary>
    /// One unit's rows judged all (a status's counts, or a state or deadline asked for): every row of the unit read with
    /// only what judging needs (<see cref="UnitStatusRows"/>, one command; a corrected document's rows through the
    /// correction engine, as a page's), narrowed here by the filter's jurisdictions and documents (a unit's rows are few;
    /// a reporter's own units are checked when the unit is found), judged by the same <see cref="StatusBook"/>; then only
    /// the page's rows are read whole, as the 台账's are.
    /// </summary>
    private async Task<ItemPage> OfUnitAsync(Filtered filtered, long unitId, ItemPageQuery query, bool countStates, CancellationToken ct)
    {
        var (read, reports) = await UnitStatusRows.ReadAsync(db, unitId, ct);
        var rows = read.Where(r => filtered.Actor.Sees(r.Jurisdiction)
            && (filtered.Jurisdiction is null || r.Jurisdiction == filtered.Jurisdiction)
            && (filtered.DocumentIds is null || filtered.DocumentIds.Contains(r.DocumentId))).ToList();
        var stored = rows.Where(r => !r.Corrected).ToList();
        var judged = new StatusBook(stored.Select(r => r.Judged!).ToList(), reports).At(query.AsOf).ToList();
        var corrected = rows.Where(r => r.Corrected).ToList();
        if (corrected.Count > 0)
        {
            judged.AddRange(await JudgeAsync(corrected.Select(RefOf).ToList(), query.AsOf, ct));
        }

        // In the 台账's order; a corrected row the engine no longer makes is left out, as a page leaves it out.
        var byPlace = judged.ToDictionary(j => (j.Item.DocumentId, j.Item.Ordinal));
        var all = rows.Where(r => byPlace.ContainsKey((r.DocumentId, r.Ordinal))).Select(r => (Row: r, Judged: byPlace[(r.DocumentId, r.Ordinal)])).ToList();
        var counts = all.GroupBy(r => r.Judged.Status.State).ToDictionary(g => g.Key, g => g.Count());
        var chosen = all.Where(r => query.Keeps(r.Judged)).ToList();
        var page = chosen.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var whole = (await JudgeAsync(page.Where(r => !r.Row.Corrected).Select(r => RefOf(r.Row)).ToList(), query.AsOf, ct))
            .ToDictionary(j => (j.Item.DocumentId, j.Item.Ordinal));
        var shown = page.Select(r => r.Row.Corrected ? r.Judged : whole[(r.Row.DocumentId, r.Row.Ordinal)]).ToList();
        return new ItemPage(shown, chosen.Count, query.Page, query.PageSize, query.AsOf, countStates ? counts : null);
    }

    private static LedgerRowRef RefOf(UnitStatusRows.UnitRow r) =>
        new() { SourceId = r.SourceId, Position = r.Position, DocumentId = r.DocumentId, Ordinal = r.Ordinal, ItemId = r.ItemId, Corrected = r.Corrected };

    /// <summary>One page of the filter's rows and the filter's count, in one round trip (the count is a subquery the database evaluates once).</summary>
    private async Task<ItemPage> PageOfAsync(Filtered filtered, ItemPageQuery query, CancellationToken ct)
    {
        if (filtered.InOneJurisdiction)
        {
            var (found, count) = filtered.UnitId is { } unit
                ? await JurisdictionPages.UnitPageAsync(db, filtered.Jurisdiction!, unit, query.Page, query.PageSize, ct)
                : await JurisdictionPages.PageAsync(db, filtered.Jurisdiction!, query.Page, query.PageSize, ct);
            var judged = await JudgeAsync(found.Select(r => new LedgerRowRef { DocumentId = r.DocumentId, Ordinal = r.Ordinal, ItemId = r.ItemId, Corrected = r.Corrected }).ToList(), query.AsOf, ct);
            // No row on the first page is a total of none; past the last page the rows are counted apart.
            return new ItemPage(judged, count ?? (query.Page == 1 ? 0 : await filtered.Rows.CountAsync(ct)), query.Page, query.PageSize, query.AsOf, null);
        }

        var filter = filtered.Rows;
        var counted = await Ordered(filter).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new CountedRow { DocumentId = r.DocumentId, Ordinal = r.Ordinal, ItemId = r.ItemId, Corrected = r.Corrected, Total = filter.Count() })
            .ToListAsync(ct);
        var total = counted.Count > 0 ? counted[0].Total : await filter.CountAsync(ct);
        var rows = await JudgeAsync(counted.Select(c => new LedgerRowRef { DocumentId = c.DocumentId, Ordinal = c.Ordinal, ItemId = c.ItemId, Corrected = c.Corrected }).ToList(), query.AsOf, ct);
        return new ItemPage(rows, total, query.Page, query.PageSize, query.AsOf, null);
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

        var filtered = await FilterAsync(actor, query, exactJurisdiction: false, ct);
        if (!filtered.Ok)
        {
            return filtered.Problem;
        }

        var rows = await Ordered(filtered.Value.Rows).ToListAsync(ct);
        return (await JudgeAsync(rows, query.AsOf, ct)).Where(query.Keeps).ToList();
    }

    /// <summary>The order `status` shows: by file, the document's place in it, then the item's place among the document's items in effect.</summary>
    private static IQueryable<LedgerRowRef> Ordered(IQueryable<LedgerRowRef> rows) => rows.OrderBy(r => r.SourceId).ThenBy(r => r.Position).ThenBy(r => r.Ordinal);

    /// <summary>
    /// The status rows of these rows at a date, in their order: stored items of uncorrected documents are read by id in
    /// one query; a corrected document's rows are its items in effect (<see cref="TrackingItems.OfDocumentsAsync"/>).
    /// </summary>
    private async Task<IReadOnlyList<StatusRow>> JudgeAsync(IReadOnlyList<LedgerRowRef> rows, DateOnly asOf, CancellationToken ct)
    {
        // The stored items and their documents' reports in one command; a corrected document's rows (rare) through the correction engine, and then the reports of them all.
        var (stored, reports) = await StoredItemRows.ReadAsync(db, rows.Where(r => !r.Corrected && r.ItemId is not null).Select(r => r.ItemId!.Value).ToList(), ct);
        var tracked = new List<TrackedItem>(rows.Count);
        tracked.AddRange(stored);
        var correctedDocuments = rows.Where(r => r.Corrected).Select(r => r.DocumentId).Distinct().ToList();
        if (correctedDocuments.Count > 0)
        {
            var ordinals = rows.Where(r => r.Corrected).Select(r => (r.DocumentId, r.Ordinal)).ToHashSet();
            tracked.AddRange((await items.OfDocumentsAsync(correctedDocuments, ct)).Where(t => ordinals.Contains((t.DocumentId, t.Ordinal))));
        }

        var book = correctedDocuments.Count > 0 ? await status.LoadAsync(tracked, ct) : new StatusBook(tracked, reports);
        var order = rows.Select((r, index) => (r, index)).ToDictionary(p => (p.r.DocumentId, p.r.Ordinal), p => p.index);
        return book.At(asOf).OrderBy(r => order[(r.Item.DocumentId, r.Item.Ordinal)]).ToList();
    }

    /// <summary>
    /// The rows of the 台账 the actor sees, narrowed by the query's jurisdiction, document (or the saved default scope)
    /// and unit, as a database query: the stored items of documents no correction concerns, and the items in effect of
    /// those a correction concerns (<see cref="CorrectedRows"/>), with their units as corrected.
    /// </summary>
    /// <param name="exactJurisdiction">Take the typed jurisdiction as it is, without looking it up (the caller looks it up when nothing matches).</param>
    private async Task<Result<Filtered>> FilterAsync(Actor actor, ItemPageQuery query, bool exactJurisdiction, CancellationToken ct)
    {
        var typedUnit = string.IsNullOrWhiteSpace(query.Unit) ? null : query.Unit.Trim();
        TrackingScope scope;
        List<TrackedUnit>? units = null;
        if (query.Scope is not null && !query.Scope.IsEmpty)
        {
            scope = query.Scope;
        }
        else if (typedUnit is null)
        {
            scope = await scopes.DefaultAsync(ct);
        }
        else
        {
            // A unit's status asks for the saved scope and the unit: one round trip for both.
            List<(string, object)> parameters = [.. ScopeService.DefaultParameters, ("t", typedUnit)];
            (scope, units) = await RawCommand.ReadAsync(db, ScopeService.DefaultSql + ";\n" + UnitSql, parameters, async r =>
            {
                var read = await ScopeService.ReadDefaultAsync(r, ct);
                await r.NextResultAsync(ct);
                return (read, await ReadUnitsAsync(r, ct));
            }, ct);
        }

        string? jurisdiction = null;
        if (!string.IsNullOrWhiteSpace(scope.Jurisdiction))
        {
            var typed = scope.Jurisdiction.Trim();
            if (exactJurisdiction)
            {
                jurisdiction = typed;
            }
            else
            {
                // A jurisdiction named exactly is looked up by the index; only a partial name needs every jurisdiction's name.
                var known = await db.Documents.AsNoTracking().AnyAsync(d => d.IsCurrent && d.Jurisdiction == typed, ct)
                    ? [typed]
                    : await db.Documents.AsNoTracking().Where(d => d.IsCurrent).Select(d => d.Jurisdiction).Distinct().ToListAsync(ct);
                var match = ScopeService.MatchJurisdiction(actor, known, scope.Jurisdiction);
                if (!match.Ok)
                {
                    return match.Problem;
                }

                jurisdiction = match.Value;
            }
        }

        List<long>? documentIds = null;
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

            documentIds = found.Value.Select(d => d.Id).ToList();
        }

        long? unitId = null;
        if (typedUnit is not null)
        {
            var unit = ChooseUnit(actor, typedUnit, units ?? await RawCommand.ReadAsync(db, UnitSql, [("t", typedUnit)], r => ReadUnitsAsync(r, ct), ct));
            if (!unit.Ok)
            {
                return unit.Problem;
            }

            unitId = unit.Value.Id;
        }

        // A jurisdiction the actor sees (all of it, or one unit's rows in it), for anyone but a reporter (whose rows are
        // narrowed by its units): paged by hand-written SQL (JurisdictionPages).
        var oneJurisdiction = jurisdiction is not null && documentIds is null && actor.Role != ActorRole.Reporter && actor.Sees(jurisdiction);
        return new Filtered(db, actor, jurisdiction, documentIds, unitId, oneJurisdiction);
    }

    /// <summary>
    /// The 台账's rows as SQL: stored items of current documents no correction concerns, then the corrected rows of
    /// current documents; each part narrowed the same way (the actor's jurisdictions, a reporter's units — lead or
    /// responsible —, the jurisdiction, the documents, a unit that leads or is responsible).
    /// </summary>
    private static IQueryable<LedgerRowRef> Rows(LedgerContext db, Actor actor, string? jurisdiction, List<long>? documentIds, long? unitId)
    {
        var stored = db.Items.AsNoTracking().Where(i => i.Document!.IsCurrent && !db.CorrectedDocuments.Any(c => c.DocumentId == i.DocumentId));
        var corrected = db.CorrectedRows.AsNoTracking().Where(r => r.Document!.IsCurrent);
        if (actor.Jurisdictions.Count > 0)
        {
            var jurisdictions = actor.Jurisdictions.ToList();
            stored = stored.Where(i => jurisdictions.Contains(i.Document!.Jurisdiction));
            corrected = corrected.Where(r => jurisdictions.Contains(r.Document!.Jurisdiction));
        }

        if (actor.Role == ActorRole.Reporter)
        {
            var units = actor.UnitKeys.ToList();
            stored = stored.Where(i => i.Responsibilities.Any(r => r.Role != LedgerRole.Cooperating && units.Contains(r.Unit!.Key)));
            corrected = corrected.Where(c => c.Units.Any(r => r.Role != LedgerRole.Cooperating && units.Contains(r.Unit!.Key)));
        }

        if (jurisdiction is not null)
        {
            stored = stored.Where(i => i.Document!.Jurisdiction == jurisdiction);
            corrected = corrected.Where(r => r.Document!.Jurisdiction == jurisdiction);
        }

        if (documentIds is not null)
        {
            stored = stored.Where(i => documentIds.Contains(i.DocumentId));
            corrected = corrected.Where(r => documentIds.Contains(r.DocumentId));
        }

        if (unitId is { } id)
        {
            stored = stored.Where(i => i.Responsibilities.Any(r => r.UnitId == id && r.Role != LedgerRole.Cooperating));
            corrected = corrected.Where(c => c.Units.Any(r => r.UnitId == id && r.Role != LedgerRole.Cooperating));
        }

        return stored.Select(i => new LedgerRowRef { SourceId = i.Document!.SourceId, Position = i.Document.Position, DocumentId = i.DocumentId, Ordinal = i.Ordinal, ItemId = i.Id, Corrected = false })
            .Concat(corrected.Select(r => new LedgerRowRef { SourceId = r.Document!.SourceId, Position = r.Document.Position, DocumentId = r.DocumentId, Ordinal = r.Ordinal, ItemId = r.StoredItemId, Corrected = true }));
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

    /// <summary>The units a typed unit may be: by key or by name.</summary>
    private const string UnitSql = """SELECT u."Id", u."Key", u."Name", u."Jurisdiction" FROM units AS u WHERE u."Key" = @t OR u."Name" = @t""";

    /// <summary>The units of <see cref="UnitSql"/>'s rows.</summary>
    private static async Task<List<TrackedUnit>> ReadUnitsAsync(System.Data.Common.DbDataReader r, CancellationToken ct)
    {
        var list = new List<TrackedUnit>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new TrackedUnit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        return list;
    }

    /// <summary>
    /// The unit asked for among those of that key or name (read by hand on every page of one unit: EF Core's query
    /// pipeline cost more than the query), narrowed to the actor's jurisdictions here: by key, or by a name one unit in
    /// the actor's jurisdictions has; several of that name is an error listing them, and for a reporter any unit not its
    /// own is a denial.
    /// </summary>
    private static Result<TrackedUnit> ChooseUnit(Actor actor, string typed, List<TrackedUnit> found)
    {
        if (actor.Jurisdictions.Count > 0)
        {
            found = found.Where(u => actor.Sees(u.Jurisdiction)).ToList();
        }

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

    /// <summary>
    /// The filter: the jurisdiction it was narrowed to, the documents and the unit, whether it is one jurisdiction the
    /// actor sees (paged by <see cref="JurisdictionPages"/>), and its rows as SQL (the query is built only when asked for:
    /// building it costs CPU such a page does not need).
    /// </summary>
    private sealed record Filtered(LedgerContext Db, Actor Actor, string? Jurisdiction, List<long>? DocumentIds, long? UnitId, bool InOneJurisdiction)
    {
        public IQueryable<LedgerRowRef> Rows => ItemPages.Rows(Db, Actor, Jurisdiction, DocumentIds, UnitId);
    }

    /// <summary>A row of the 台账 as the page query sees it: a stored item's id, or a corrected document's row (its stored item, if any).</summary>
    private sealed class LedgerRowRef
    {
        public long SourceId { get; init; }

        public int Position { get; init; }

        public long DocumentId { get; init; }

        public int Ordinal { get; init; }

        public long? ItemId { get; init; }

        public bool Corrected { get; init; }
    }

    /// <summary>A row of a page with the count of the whole filter.</summary>
    private sealed class CountedRow
    {
        public long DocumentId { get; init; }

        public int Ordinal { get; init; }

        public long? ItemId { get; init; }

        public bool Corrected { get; init; }

        public int Total { get; init; }
    }

    private sealed record DocumentName(long Id, string Key, string? Name, long SourceId, string Jurisdiction)
    {
        public string Display => Name ?? SourceId.ToString(CultureInfo.InvariantCulture);
    }
}
