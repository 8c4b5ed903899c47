using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>Counts, ranks and lists what a bulletin says, from the items' states. Pure: no clock, no I/O.</summary>
public static class BulletinBuilder
{
    /// <param name="items">Every tracked item with its state as of <paramref name="asOf"/>.</param>
    /// <param name="dueDate">When reports for <paramref name="period"/> were due (a report after it is late).</param>
    /// <param name="date">The bulletin's date (成文日期).</param>
    public static Bulletin Build(
        IReadOnlyList<BulletinItem> items,
        ReportingPeriod period,
        DateOnly asOf,
        DateOnly dueDate,
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

        var lines = items
            .SelectMany(i => i.Units.DefaultIfEmpty("（未明确责任单位）").Distinct().Select(u => (Unit: u, Item: i)))
            .GroupBy(x => x.Unit, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.Select(x => x.Item).ToList();
                var completion = list.Count == 0 ? 0 : Math.Round(list.Average(i => i.State == TrackingState.Done ? 100m : i.Percent ?? 0m), 1);
                var onTime = list.Count(i => i.SubmittedOn is { } s && s <= dueDate);
                var late = list.Count(i => i.SubmittedOn is { } s && s > dueDate);
                return (g.Key, list, completion, onTime, late);
            })
            .OrderByDescending(x => x.completion)
            .ThenByDescending(x => x.list.Count == 0 ? 0 : (decimal)x.onTime / x.list.Count)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select((x, n) => new UnitLine(
                n + 1,
                x.Key,
                x.list.Count,
                x.list.Count(i => i.State == TrackingState.Done),
                x.list.Count(i => i.State == TrackingState.Behind),
                x.list.Count(i => i.State == TrackingState.Overdue),
                x.list.Count(i => i.State == TrackingState.NotReported),
                x.completion,
                x.onTime,
                x.late))
            .ToList();

        var overdue = items.Where(i => i.State == TrackingState.Overdue).ToList();
        var lateUnits = lines
            .Where(l => l.Late > 0 || l.Items - l.OnTime - l.Late > 0)
            .Select(l => new LateUnit(l.Unit, l.Late, l.Items - l.OnTime - l.Late))
            .OrderByDescending(l => l.Missing).ThenByDescending(l => l.Late).ThenBy(l => l.Unit, StringComparer.Ordinal)
            .ToList();

        return new Bulletin(
            title ?? $"关于{period.ToChinese()}重点工作推进情况的通报",
            issuer,
            addressees,
            period,
            asOf,
            dueDate,
            date,
            total,
            counts,
            lines,
            overdue,
            lateUnits);
    }

    private static decimal Share(int n, int total) => total == 0 ? 0 : Math.Round(100m * n / total, 1);
}
