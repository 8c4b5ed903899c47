using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>How many items of a scope are in one state at a date.</summary>
public sealed record StateTally(TrackingState State, int Count);

/// <summary>The states of a scope's items at the end of one reporting period (or at the overview's date, for the period still running).</summary>
public sealed record TrendPoint(ReportingPeriod Period, DateOnly At, IReadOnlyList<StateTally> Counts)
{
    public int Total => Counts.Sum(c => c.Count);

    public int Of(TrackingState state) => Counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
}

/// <summary>
/// What the 总览 shows for a scope at a date: every item's state counted (all states, in their order), the same counts
/// at the end of the last reporting periods, the overdue items (挂牌督办), and — where the actor may write bulletins and
/// the scope is one jurisdiction — the units ranked as the period's bulletin ranks them.
/// </summary>
/// <param name="Period">The reporting period that holds <paramref name="AsOf"/> (of the scope's usual cadence).</param>
/// <param name="Ranking">The bulletin of <paramref name="Period"/> as of <paramref name="AsOf"/> (its unit lines are the ranking); null with <paramref name="NoRanking"/> saying why.</param>
public sealed record Overview(
    ResolvedScope Scope,
    DateOnly AsOf,
    ReportingPeriod Period,
    IReadOnlyList<StateTally> Counts,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<StatusRow> Overdue,
    Bulletin? Ranking,
    string? NoRanking)
{
    public int Total => Counts.Sum(c => c.Count);

    public int Of(TrackingState state) => Counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;

    /// <summary>Items per traffic light (green, yellow, red, grey), from the same counts.</summary>
    public IReadOnlyList<(TrafficLight Light, int Count)> Lights =>
        Enum.GetValues<TrafficLight>().Select(l => (l, Counts.Where(c => c.State.Light() == l).Sum(c => c.Count))).ToList();
}

/// <summary>
/// The 总览 of a scope: one <see cref="StatusBook"/> judged at the date and at the end of each recent period (so the
/// trend and today's counts are the rules `status` applies), and the ranking from <see cref="BulletinService"/> (so
/// it is the ranking a bulletin of the period would print).
/// </summary>
public sealed class OverviewService(ScopeService scopes, StatusService status, BulletinService bulletins)
{
    /// <summary>How many reporting periods the trend covers (the running one included).</summary>
    public const int TrendPeriods = 6;

    public async Task<Result<Overview>> OverviewAsync(Actor actor, TrackingScope? scope, DateOnly asOf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var resolved = await scopes.AuthorizeAsync(actor, TrackingAction.ViewStatus, scope, ct);
        if (!resolved.Ok)
        {
            return resolved.Problem;
        }

        var items = resolved.Value.Items;
        var book = await status.LoadAsync(items, ct);
        var rows = book.At(asOf);
        var kind = UsualCadence(items);
        var period = ReportingPeriod.Containing(kind, asOf);
        var trend = TrendPeriodsOf(items, period)
            .Select(p => { var at = p.End < asOf ? p.End : asOf; return new TrendPoint(p, at, Tally(book.At(at))); })
            .ToList();
        var overdue = rows.Where(r => r.Status.State == TrackingState.Overdue)
            .OrderBy(r => r.Status.Deadline).ThenBy(r => r.Item.DocumentId).ToList();

        Bulletin? ranking = null;
        string? noRanking = null;
        if (Permissions.Check(actor, TrackingAction.WriteBulletin) is not null)
        {
            noRanking = "单位排名按通报口径计算，仅督办、查看人员和管理员可见";
        }
        else if (resolved.Value.Jurisdictions.Count > 1)
        {
            noRanking = $"范围内有多个辖区（{string.Join("、", resolved.Value.Jurisdictions)}），各辖区的单位不合并排名：请选择一个辖区";
        }
        else if (items.Count > 0)
        {
            var oneJurisdiction = scope is null || scope.IsEmpty ? new TrackingScope(resolved.Value.Jurisdictions[0]) : scope;
            var bulletin = await bulletins.BulletinAsync(actor, new BulletinRequest(period, oneJurisdiction, asOf, asOf, "", []), ct);
            if (bulletin.Ok)
            {
                ranking = bulletin.Value;
            }
            else
            {
                noRanking = bulletin.Problem.Message;
            }
        }

        return new Overview(resolved.Value, asOf, period, Tally(rows), trend, overdue, ranking, noRanking);
    }

    /// <summary>Every state with its count (zero included), in the states' order.</summary>
    public static IReadOnlyList<StateTally> Tally(IEnumerable<StatusRow> rows)
    {
        var counts = rows.GroupBy(r => r.Status.State).ToDictionary(g => g.Key, g => g.Count());
        return TrackingStates.All.Select(s => new StateTally(s, counts.GetValueOrDefault(s))).ToList();
    }

    /// <summary>The cadence most items of the scope report at (quarterly where there are none).</summary>
    public static PeriodKind UsualCadence(IReadOnlyList<TrackedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0
            ? ReportingCadence.Default.Kind
            : items.GroupBy(i => i.Cadence.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    /// <summary>The running period and up to <see cref="TrendPeriods"/> − 1 before it, none ending before the scope's work began.</summary>
    public static IReadOnlyList<ReportingPeriod> TrendPeriodsOf(IReadOnlyList<TrackedItem> items, ReportingPeriod current)
    {
        ArgumentNullException.ThrowIfNull(items);
        var begins = items.Count == 0 ? current.Start : items.Min(i => i.Schedule.Start);
        var periods = new List<ReportingPeriod> { current };
        for (var p = current.Previous(); periods.Count < TrendPeriods && p.End >= begins; p = p.Previous())
        {
            periods.Add(p);
        }

        periods.Reverse();
        return periods;
    }
}
