using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>What bulletin to write: period, scope, the date states are judged at (default: when the period's last reports fell due), its own date, issuer and addressees.</summary>
public sealed record BulletinRequest(
    ReportingPeriod Period,
    TrackingScope Scope,
    DateOnly? AsOf,
    DateOnly? Date,
    string Issuer,
    IReadOnlyList<string> Addressees);

/// <summary>
/// Writes the figures of a bulletin from the same status `status` gives for that scope and date: its items are the
/// status rows of the scope whose work has begun by the end of the period (and every overdue one); their states
/// are the rows' states; each duty to report that fell due within the period is met on time when a report for it
/// (or a later period) was submitted by its due date, which is what status at that due date says. One scope is one
/// jurisdiction: units are counted by key, so bodies of one name in different places are never added up.
/// </summary>
public sealed class BulletinService(ScopeService scopes, StatusService status, TrackingClockSource clock)
{
    public async Task<Result<Bulletin>> BulletinAsync(Actor actor, BulletinRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = await scopes.AuthorizeAsync(actor, TrackingAction.WriteBulletin, request.Scope, ct);
        if (!scope.Ok)
        {
            return scope.Problem;
        }

        if (scope.Value.Jurisdictions.Count > 1)
        {
            return Problems.SeveralJurisdictions(scope.Value.Jurisdictions);
        }

        var period = request.Period;
        var book = await status.LoadAsync(scope.Value.Items, ct);
        var asOf = request.AsOf ?? DefaultAsOf(period, scope.Value.Items);
        var rows = book.At(asOf).Where(r => Covered(r, period)).ToList();
        var names = Names(rows.SelectMany(r => r.Item.Units));
        var items = rows.Select(r => new BulletinItem(
            r.Item.Document,
            r.Item.Key,
            r.Item.Number,
            r.Item.Text,
            r.Item.Units.Select(u => new BulletinUnit(u.Key, names[u.Key])).ToList(),
            r.Status.State,
            r.Status.State == TrackingState.Done ? 100m : r.Status.LastReport?.Percent,
            r.Status.Deadline,
            DueReports(r.Item, book.ReportsOf(r.Item), period, asOf))).ToList();
        var description = scope.Value.Description.Length > 0 ? scope.Value.Description : scope.Value.Jurisdictions.FirstOrDefault() ?? "";
        return BulletinBuilder.Build(items, period, description, asOf, request.Date ?? clock.Today(), request.Issuer, request.Addressees);
    }

    /// <summary>Whether a status row belongs in the period's bulletin: its work has begun by the period's end, or it is overdue.</summary>
    public static bool Covered(StatusRow row, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Item.Schedule.Start <= period.End || row.Status.State == TrackingState.Overdue;
    }

    /// <summary>The reporting periods of a cadence that end within <paramref name="period"/>.</summary>
    public static IEnumerable<ReportingPeriod> PeriodsEndingIn(ReportingCadence cadence, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        for (var q = ReportingPeriod.Containing(cadence.Kind, period.Start); q.Start <= period.End; q = q.Next())
        {
            if (q.End >= period.Start && q.End <= period.End)
            {
                yield return q;
            }
        }
    }

    /// <summary>When the last reports of the period fell due (the latest due date of a reporting period ending within it), else its last day.</summary>
    public static DateOnly DefaultAsOf(ReportingPeriod period, IReadOnlyList<TrackedItem> items) =>
        items.Select(i => i.Cadence).Distinct()
            .SelectMany(c => PeriodsEndingIn(c, period).Select(c.DueDate))
            .DefaultIfEmpty(period.End)
            .Max();

    /// <summary>
    /// The item's duties to report that fell due within the period by <paramref name="asOf"/>: each reporting period
    /// ending within it that does not end before the item starts, due by then, the item not reported done by its due date.
    /// </summary>
    public static IReadOnlyList<DueReport> DueReports(TrackedItem item, IReadOnlyList<ReportSnapshot> reports, ReportingPeriod period, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(reports);
        var list = new List<DueReport>();
        foreach (var q in PeriodsEndingIn(item.Cadence, period))
        {
            var due = item.Cadence.DueDate(q);
            if (q.End < item.Schedule.Start || due > asOf || reports.Any(r => r.IsDone && StatusRules.Seen(r, due)))
            {
                continue;
            }

            var submitted = reports.Where(r => StatusRules.Covers(r, q) && StatusRules.Seen(r, asOf)).Select(r => (DateOnly?)r.SubmittedOn).Min();
            list.Add(new DueReport(q, due, submitted));
        }

        return list;
    }

    /// <summary>Each unit's printed name: its name, with its jurisdiction where another unit of the bulletin has the same name.</summary>
    private static Dictionary<string, string> Names(IEnumerable<TrackedUnit> units)
    {
        var distinct = units.DistinctBy(u => u.Key).ToList();
        var shared = distinct.GroupBy(u => u.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return distinct.ToDictionary(u => u.Key, u => shared.Contains(u.Name) ? $"{u.Name}（{u.Jurisdiction}）" : u.Name, StringComparer.Ordinal);
    }
}
