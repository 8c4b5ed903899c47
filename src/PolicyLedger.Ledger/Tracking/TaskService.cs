using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// One item a reporter has to report on: the period to report now, when that report is due, and what its unit has
/// reported for that period so far (null: nothing yet).
/// </summary>
/// <param name="Unit">The actor's unit that reports on it (the first of the item's units that is the actor's).</param>
/// <param name="Period">The period whose report is owed: the latest one fallen due when it has no report, else the running one.</param>
/// <param name="Late">The report for <paramref name="Period"/> fell due and has not come in.</param>
public sealed record ReportTask(StatusRow Row, TrackedUnit Unit, ReportingPeriod Period, DateOnly DueDate, bool Late, ReportInfo? Reported)
{
    public TrackedItem Item => Row.Item;

    public bool Done => Row.Status.State == TrackingState.Done;
}

/// <summary>我的任务: the items of the actor's units, each with the period to report now (done items last).</summary>
public sealed class TaskService(TrackingItems items, StatusService status, ItemDetailService details, LedgerContext db)
{
    public async Task<Result<IReadOnlyList<ReportTask>>> TasksAsync(Actor actor, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Permissions.Check(actor, TrackingAction.Report) is { } denied)
        {
            return denied;
        }

        // A reporter's own items (whatever default scope the office saved); an administrator or supervisor using the
        // page sees every item of its jurisdictions.
        var mine = (await items.AllAsync(ct)).Where(i => Permissions.Sees(actor, i) && i.Units.Any(u => actor.ReportsFor(u.Key))).ToList();
        var book = await status.LoadAsync(mine, ct);
        var units = mine.SelectMany(i => i.Units).Select(u => u.Id).Distinct().ToList();
        var sources = mine.Select(i => i.SourceId).Distinct().ToList();
        var reports = (await db.ProgressReports.AsNoTracking().Where(r => sources.Contains(r.SourceId) && units.Contains(r.UnitId)).Select(r => new { r.Id, r.SourceId, r.DocumentPosition, r.ItemKey, r.UnitId, r.Period }).ToListAsync(ct))
            .ToLookup(r => (r.SourceId, r.DocumentPosition, r.ItemKey, r.UnitId, r.Period));
        var tasks = new List<ReportTask>();
        foreach (var row in book.At(today))
        {
            var unit = row.Item.Units.First(u => actor.ReportsFor(u.Key));
            var (period, late) = PeriodToReport(row, today);
            var stored = reports[(row.Item.SourceId, row.Item.DocumentPosition, row.Item.ItemKey, unit.Id, period.ToString())].FirstOrDefault();
            var reported = stored is null ? null : (await details.ReportsAsync(row.Item, ct)).FirstOrDefault(r => r.Id == stored.Id);
            tasks.Add(new ReportTask(row, unit, period, row.Item.Cadence.DueDate(period), late && reported is null, reported));
        }

        return tasks
            .OrderBy(t => t.Done)
            .ThenByDescending(t => t.Late)
            .ThenBy(t => t.Reported is not null)
            .ThenBy(t => t.DueDate)
            .ToList();
    }

    /// <summary>The latest period whose report fell due by <paramref name="today"/> when `status` says it was not reported, else the running period.</summary>
    public static (ReportingPeriod Period, bool Late) PeriodToReport(StatusRow row, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Status.State == TrackingState.NotReported && row.Status.DuePeriod is { } owed)
        {
            return (owed, true);
        }

        return (row.Item.Cadence.PeriodOf(today), false);
    }
}
