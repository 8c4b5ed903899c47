using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>Counts, ranks and lists what a bulletin says, from the items' states. Pure: no clock, no I/O.</summary>
public static class BulletinBuilder
{
    /// <param name="items">Every item the bulletin covers, each with its state as of <paramref name="asOf"/> and its duties to report in the period.</param>
    /// <param name="date">The bulletin's date (成文日期).</param>
    public static Bulletin Build(
        IReadOnlyList<BulletinItem> items,
        ReportingPeriod period,
        string scope,
        DateOnly asOf,
        DateOnly date,
        string issuer,
        IReadOnlyList<string> addressees,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var total = items.Count;
        var counts = TrackingStates.All
            .Select(s => new StateCount(s, items.Count(i => i.State == s), Share(items.Count(i => i.State == s), total)))
            .ToList();

        var none = new BulletinUnit("", "（未明确责任单位）");
        var lines = items
            .SelectMany(i => i.Units.DefaultIfEmpty(none).DistinctBy(u => u.Key).Select(u => (Unit: u, Item: i)))
            .GroupBy(x => x.Unit.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.Select(x => x.Item).ToList();
                var completion = Math.Round(list.Average(i => i.State == TrackingState.Done ? 100m : i.Percent ?? 0m), 1);
                var due = list.SelectMany(i => i.DueReports).ToList();
                return (Unit: g.First().Unit, list, completion, due);
            })
            .OrderByDescending(x => x.completion)
            .ThenByDescending(x => x.due.Count == 0 ? 1m : (decimal)x.due.Count(d => d.OnTime) / x.due.Count)
            .ThenBy(x => x.Unit.Name, StringComparer.Ordinal)
            .ThenBy(x => x.Unit.Key, StringComparer.Ordinal)
            .Select((x, n) => new UnitLine(
                n + 1,
                x.Unit,
                x.list.Count,
                x.list.Count(i => i.State == TrackingState.Done),
                x.list.Count(i => i.State == TrackingState.Behind),
                x.list.Count(i => i.State == TrackingState.Overdue),
                x.list.Count(i => i.State == TrackingState.NotReported),
                x.completion,
                x.due.Count(d => d.OnTime),
                x.due.Count(d => d.Late),
                x.due.Count(d => d.Missing)))
            .ToList();

        var overdue = items.Where(i => i.State == TrackingState.Overdue).ToList();
        var lateUnits = lines
            .Where(l => l.Late > 0 || l.Missing > 0)
            .Select(l => new LateUnit(l.Unit, l.Late, l.Missing))
            .OrderByDescending(l => l.Missing).ThenByDescending(l => l.Late).ThenBy(l => l.Unit.Name, StringComparer.Ordinal)
            .ToList();
        var dueReports = items.SelectMany(i => i.DueReports).ToList();
        var dueDates = dueReports.Select(d => d.DueDate).Distinct().Order().ToList();

        return new Bulletin(
            title ?? $"关于{period.ToChinese()}重点工作推进情况的通报",
            issuer,
            addressees,
            period,
            scope,
            asOf,
            dueDates,
            date,
            total,
            counts,
            lines,
            overdue,
            lateUnits,
            dueReports.Count,
            dueReports.Count(d => d.OnTime));
    }

    private static decimal Share(int n, int total) => total == 0 ? 0 : Math.Round(100m * n / total, 1);
}
