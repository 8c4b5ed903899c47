using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tracking.Status;

/// <summary>What one progress report said, as far as the status rules need it.</summary>
/// <param name="Period">The period it reports on.</param>
/// <param name="Percent">Completion 0–100, where given.</param>
/// <param name="Done">The unit says the task is done.</param>
/// <param name="SubmittedOn">The day it was submitted.</param>
public sealed record ReportSnapshot(ReportingPeriod Period, decimal? Percent, bool Done, DateOnly SubmittedOn)
{
    public bool IsDone => Done || Percent >= 100m;
}

/// <summary>Margins of the rules, in percentage points.</summary>
/// <param name="BehindTolerance">Completion this far under the elapsed share still counts as on schedule.</param>
/// <param name="AheadMargin">Completion at least this far above the elapsed share counts as ahead.</param>
public sealed record StatusOptions(decimal BehindTolerance = 5m, decimal AheadMargin = 10m)
{
    public static StatusOptions Default { get; } = new();
}

/// <summary>An item's state at a date, with what it was decided from.</summary>
/// <param name="ExpectedPercent">The elapsed share of its time, in percent, at the end of the last reported period.</param>
/// <param name="DuePeriod">The latest period whose report had fallen due.</param>
public sealed record StatusResult(
    TrackingState State,
    TrafficLight Light,
    DateOnly? Deadline,
    ReportSnapshot? LastReport,
    decimal? ExpectedPercent,
    ReportingPeriod? DuePeriod,
    string Reason);

/// <summary>
/// The status rules: a pure function of (schedule, reports, cadence, as-of date). The rules apply in this order:
/// 1. 已完成 done: the last report submitted by the date says done or 100 %.
/// 2. 逾期 overdue: the deadline is before the date.
/// 3. 未报送 not reported: the latest period whose report fell due by the date (due date on or before it, and the
///    period not ending before the item's start) has no report submitted by the date.
/// 4. 无时限 no deadline.
/// 5. Otherwise the last report's completion is compared with the elapsed share of the item's time at the end of
///    that report's period: under it by more than the tolerance → 欠进度 behind; above it by the margin or more →
///    超进度 ahead; else 达进度 on schedule. An item with nothing due yet and no report is on schedule.
/// </summary>
public static class StatusRules
{
    public static StatusResult Evaluate(
        ItemSchedule schedule,
        IEnumerable<ReportSnapshot> reports,
        ReportingCadence cadence,
        DateOnly asOf,
        StatusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(cadence);
        options ??= StatusOptions.Default;

        // Most items have no report or one: sorted (stably, by period then submission) only when there are several.
        var known = new List<ReportSnapshot>();
        foreach (var r in reports)
        {
            if (Seen(r, asOf))
            {
                known.Add(r);
            }
        }

        if (known.Count > 1)
        {
            known = known.OrderBy(r => r.Period).ThenBy(r => r.SubmittedOn).ToList();
        }

        var last = known.Count == 0 ? null : known[^1];
        var due = cadence.LatestDue(schedule.Start, asOf);

        StatusResult Result(TrackingState state, decimal? expected, string reason) =>
            new(state, state.Light(), schedule.Deadline, last, expected, due, reason);

        if (known.FirstOrDefault(r => r.IsDone) is { } done)
        {
            last = done;
            return Result(TrackingState.Done, null, $"{done.Period}报告已完成");
        }

        if (schedule.Deadline is { } deadline && asOf > deadline)
        {
            return Result(TrackingState.Overdue, 100m, $"完成时限{Day(deadline)}已过，未完成");
        }

        if (due is { } period && !known.Any(r => Covers(r, period)))
        {
            return Result(TrackingState.NotReported, null, $"{period}进展应于{Day(cadence.DueDate(period))}前报送，未报送");
        }

        if (schedule.Deadline is null)
        {
            return Result(TrackingState.NoDeadline, null, "未明确完成时限");
        }

        if (last is null)
        {
            return Result(TrackingState.OnSchedule, 0m, "尚无到期的报送");
        }

        var asAt = last.Period.End < asOf ? last.Period.End : asOf;
        var expected = Math.Round(schedule.ElapsedShare(asAt)!.Value * 100m, 1);
        var percent = last.Percent ?? 0m;
        var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{last.Period}报告完成{percent:0.#}%，时间已过{expected:0.#}%");
        if (percent < expected - options.BehindTolerance)
        {
            return Result(TrackingState.Behind, expected, reason);
        }

        return percent >= expected + options.AheadMargin
            ? Result(TrackingState.Ahead, expected, reason)
            : Result(TrackingState.OnSchedule, expected, reason);
    }

    /// <summary>Whether a report is seen at <paramref name="asOf"/>: submitted on or before it, for a period that has begun.</summary>
    public static bool Seen(ReportSnapshot report, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.SubmittedOn <= asOf && report.Period.Start <= asOf;
    }

    /// <summary>Whether a report answers the duty to report for <paramref name="due"/>: a report for it, or for a later period (which covers it).</summary>
    public static bool Covers(ReportSnapshot report, ReportingPeriod due)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Period.Kind == due.Kind ? report.Period >= due : report.Period.End >= due.End;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
