namespace PolicyLedger.Tracking.Status;

/// <summary>
/// When an item's work runs: from <see cref="Start"/> to its <see cref="Deadline"/> (null: no deadline).
/// </summary>
/// <param name="Start">The day its time starts counting (the elapsed share is measured from here).</param>
/// <param name="Deadline">The last day it may be done on, or null.</param>
/// <param name="Basis">How the deadline was decided: "text" (a date in the item), "plan-year" (the document's plan year), "none", or "correction" (a reviewer set it).</param>
public sealed record ItemSchedule(DateOnly Start, DateOnly? Deadline, string Basis)
{
    /// <summary>
    /// The rule: the latest end date among the item's non-recurring times is its deadline; failing that, a document
    /// with a plan year (2024年 in its title, as in a 2024 work plan) makes it due by 31 December of that year;
    /// failing that, it has none. Its time starts at the earliest start date in the item, else 1 January of the plan
    /// year, else the document's date, else <paramref name="fallbackStart"/>.
    /// </summary>
    /// <param name="times">(start, end, recurring) of each time read from the item.</param>
    public static ItemSchedule Decide(
        IEnumerable<(DateOnly? Start, DateOnly? End, bool Recurring)> times,
        int? planYear,
        DateOnly? documentDate,
        DateOnly fallbackStart)
    {
        // The latest end and the earliest start of the one-off times, default when there is none (a loop: every row of a
        // unit's status is decided on each request).
        DateOnly end = default, start = default;
        foreach (var t in times)
        {
            if (t.Recurring)
            {
                continue;
            }

            if (t.End is { } e && (end == default || e > end))
            {
                end = e;
            }

            if (t.Start is { } s && (start == default || s < start))
            {
                start = s;
            }
        }

        DateOnly from = start != default ? start
            : planYear is { } y ? new DateOnly(y, 1, 1)
            : documentDate ?? fallbackStart;
        if (end != default)
        {
            return new ItemSchedule(from > end ? end : from, end, "text");
        }

        return planYear is { } year
            ? new ItemSchedule(from, new DateOnly(year, 12, 31), "plan-year")
            : new ItemSchedule(from, null, "none");
    }

    /// <summary>The share of the item's time that has passed by <paramref name="date"/>, 0 to 1 (null without a deadline).</summary>
    public decimal? ElapsedShare(DateOnly date)
    {
        if (Deadline is not { } end)
        {
            return null;
        }

        if (date < Start)
        {
            return 0m;
        }

        if (date >= end)
        {
            return 1m;
        }

        var total = end.DayNumber - Start.DayNumber + 1;
        return (decimal)(date.DayNumber - Start.DayNumber + 1) / total;
    }
}
