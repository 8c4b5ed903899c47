using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>One row of `policyledger status`: an item, its state at the date, and its last report seen then.</summary>
/// <param name="LastNarrative">What the last report seen said (进展情况), for the 台账's 进展 column.</param>
public sealed record StatusRow(TrackedItem Item, StatusResult Status, DateOnly? LastSubmitted, string? LastNarrative);

/// <summary>What to show: a scope, a date, and optionally one unit (name or key) and one state.</summary>
public sealed record StatusQuery(TrackingScope Scope, DateOnly AsOf, string? Unit = null, TrackingState? State = null);

/// <summary>The status of a scope at a date: every figure of a bulletin or a 台账 comes from such a report.</summary>
public sealed record StatusReport(ResolvedScope Scope, DateOnly AsOf, IReadOnlyList<StatusRow> Rows);

/// <summary>
/// Each item's state at a date (<see cref="StatusRules"/>), from the reports submitted by that date. The reports
/// are loaded once (<see cref="LoadAsync"/>) and the same <see cref="StatusBook"/> answers for any date, so a
/// bulletin's figures and the status it is checked against are one computation.
/// </summary>
public sealed class StatusService(LedgerContext db, ScopeService scopes)
{
    public async Task<Result<StatusReport>> StatusAsync(Actor actor, StatusQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await scopes.AuthorizeAsync(actor, TrackingAction.ViewStatus, query.Scope, ct);
        if (!scope.Ok)
        {
            return scope.Problem;
        }

        var items = scope.Value.Items;
        if (query.Unit is { } typed)
        {
            var unit = ScopeService.FindUnit(items, typed);
            if (!unit.Ok)
            {
                return unit.Problem;
            }

            items = items.Where(i => i.Units.Any(u => u.Id == unit.Value.Id)).ToList();
        }

        var book = await LoadAsync(items, ct);
        var rows = book.At(query.AsOf).Where(r => query.State is null || r.Status.State == query.State).ToList();
        return new StatusReport(scope.Value, query.AsOf, rows);
    }

    /// <summary>The reports of <paramref name="items"/>, ready to be judged at any date.</summary>
    public async Task<StatusBook> LoadAsync(IReadOnlyList<TrackedItem> items, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sources = items.Select(i => i.SourceId).Distinct().ToList();
        var reports = await db.ProgressReports.AsNoTracking().Where(r => sources.Contains(r.SourceId)).ToListAsync(ct);
        return new StatusBook(items, reports);
    }
}

/// <summary>Items with their reports, judged at any date by the status rules.</summary>
public sealed class StatusBook
{
    private readonly Dictionary<(long, int, string), List<(ReportSnapshot Snapshot, string? Narrative)>> _snapshots = [];

    internal StatusBook(IReadOnlyList<TrackedItem> items, IReadOnlyList<ProgressReport> reports)
    {
        Items = items;
        var byItem = reports.ToLookup(r => (r.SourceId, r.DocumentPosition, r.ItemKey));
        foreach (var item in items)
        {
            if (!byItem.Contains(item.Anchor))
            {
                _snapshots[item.Anchor] = []; // most items of a status have no report: nothing to group
                continue;
            }

            var unitIds = item.Units.Select(u => u.Id).ToHashSet();
            _snapshots[item.Anchor] = Snapshots(byItem[item.Anchor].Where(r => unitIds.Contains(r.UnitId)));
        }
    }

    public IReadOnlyList<TrackedItem> Items { get; }

    /// <summary>The reports of an item as the status rules see them (one per period).</summary>
    public IReadOnlyList<ReportSnapshot> ReportsOf(TrackedItem item) => _snapshots[item.Anchor].Select(s => s.Snapshot).ToList();

    /// <summary>Each item's state at <paramref name="asOf"/>, counting the reports submitted by then.</summary>
    public IReadOnlyList<StatusRow> At(DateOnly asOf, StatusOptions? options = null) =>
        Items.Select(item =>
        {
            var snapshots = _snapshots[item.Anchor];
            var status = StatusRules.Evaluate(item.Schedule, snapshots.Select(s => s.Snapshot), item.Cadence, asOf, options);
            var last = status.LastReport is null ? default : snapshots.First(s => s.Snapshot == status.LastReport);
            return new StatusRow(item, status, status.LastReport?.SubmittedOn, last.Narrative);
        }).ToList();

    /// <summary>Per period, the most recently changed report among the item's units (a lead's correction wins), dated by its first submission.</summary>
    private static List<(ReportSnapshot Snapshot, string? Narrative)> Snapshots(IEnumerable<ProgressReport> reports) =>
        reports.Where(r => ReportingPeriod.TryParse(r.Period, out _))
            .GroupBy(r => r.Period, StringComparer.Ordinal)
            .Select(g =>
            {
                var r = g.OrderByDescending(x => x.UpdatedAt).First();
                var first = g.Min(x => x.SubmittedOn);
                return (new ReportSnapshot(ReportingPeriod.Parse(r.Period), r.Percent, r.Done, first), r.Narrative);
            })
            .ToList();
}
