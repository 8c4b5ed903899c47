namespace PolicyLedger.Tracking.Periods;

/// <summary>
/// How often the units of a document report and when each report is due.
/// </summary>
/// <param name="Kind">The length of one reporting period.</param>
/// <param name="DueDayOfNextMonth">
/// null: a report is due on the last day of its period (每季度末); n: due on day n of the month after the period (次月5日前 → 5).
/// </param>
/// <param name="Source">The sentence the cadence was read from, or a note ("default", "override") where it was not read.</param>
public sealed record ReportingCadence(PeriodKind Kind, int? DueDayOfNextMonth, string Source)
{
    /// <summary>What applies where a document says nothing: quarterly, due at the end of the quarter.</summary>
    public static ReportingCadence Default { get; } = new(PeriodKind.Quarter, null, "default");

    /// <summary>The date by which the report for <paramref name="period"/> is due.</summary>
    public DateOnly DueDate(ReportingPeriod period)
    {
        if (period.Kind != Kind)
        {
            throw new ArgumentException($"period {period} is not a {Kind} period", nameof(period));
        }

        if (DueDayOfNextMonth is not { } day)
        {
            return period.End;
        }

        var next = period.End.AddDays(1);
        return new DateOnly(next.Year, next.Month, Math.Min(day, DateTime.DaysInMonth(next.Year, next.Month)));
    }

    public ReportingPeriod PeriodOf(DateOnly date) => ReportingPeriod.Containing(Kind, date);

    /// <summary>
    /// The latest period whose report is due by <paramref name="asOf"/> (its due date is on or before it), or null
    /// where that period ends before <paramref name="from"/> (nothing has fallen due for a task that starts then).
    /// </summary>
    public ReportingPeriod? LatestDue(DateOnly from, DateOnly asOf)
    {
        var p = PeriodOf(asOf);
        while (DueDate(p) > asOf)
        {
            p = p.Previous();
        }

        return p.End < from ? null : p;
    }

    /// <summary>Every period from the one holding <paramref name="from"/> whose report is due by <paramref name="asOf"/>.</summary>
    public IEnumerable<ReportingPeriod> DuePeriods(DateOnly from, DateOnly asOf)
    {
        for (var p = PeriodOf(from); DueDate(p) <= asOf; p = p.Next())
        {
            yield return p;
        }
    }

    /// <summary>With another due rule, as an office overrides what the text says.</summary>
    public ReportingCadence Override(PeriodKind? kind, int? dueDay) =>
        new(kind ?? Kind, dueDay ?? DueDayOfNextMonth, "override");

    /// <summary>quarterly, due at period end / monthly, due on day 5 of the next month.</summary>
    public string Describe() =>
        Kind.ToString().ToLowerInvariant() + (DueDayOfNextMonth is { } d ? $", due on day {d} of the next month" : ", due at period end");
}
