using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>A responsible unit as a bulletin names it: its key (one body) and the name shown.</summary>
/// <param name="Key">The unit's key (jurisdiction/name): what units are counted by, so two bodies of one name are never added up.</param>
/// <param name="Name">The name printed (with its jurisdiction where another unit of the bulletin has the same name).</param>
public sealed record BulletinUnit(string Key, string Name);

/// <summary>One duty to report that fell due within the bulletin's period: the period reported on, its due date, and when the report came in.</summary>
/// <param name="SubmittedOn">The first day a report answering it (for it or a later period) was submitted, up to the bulletin's date; null: none yet.</param>
public sealed record DueReport(ReportingPeriod Period, DateOnly DueDate, DateOnly? SubmittedOn)
{
    public bool OnTime => SubmittedOn is { } s && s <= DueDate;

    public bool Late => SubmittedOn is { } s && s > DueDate;

    public bool Missing => SubmittedOn is null;
}

/// <summary>One tracked item as a bulletin sees it: its state from <c>status</c> at the bulletin's date, and its duties to report in the period.</summary>
/// <param name="Units">Its lead and responsible units (lead first).</param>
/// <param name="Percent">Completion of its last report (100 when done).</param>
public sealed record BulletinItem(
    string Document,
    string ItemKey,
    string Number,
    string Text,
    IReadOnlyList<BulletinUnit> Units,
    TrackingState State,
    decimal? Percent,
    DateOnly? Deadline,
    IReadOnlyList<DueReport> DueReports);

/// <summary>How many items are in a state, and their share of all.</summary>
public sealed record StateCount(TrackingState State, int Count, decimal Percent);

/// <summary>One unit's line in the ranking.</summary>
/// <param name="Completion">Average completion of its items (done = 100, unreported = 0).</param>
/// <param name="OnTime">Reports due in the period that came in by their due date.</param>
/// <param name="Late">Reports due in the period that came in after their due date.</param>
/// <param name="Missing">Reports due in the period that had not come in by the bulletin's date.</param>
public sealed record UnitLine(
    int Rank,
    BulletinUnit Unit,
    int Items,
    int Done,
    int Behind,
    int Overdue,
    int NotReported,
    decimal Completion,
    int OnTime,
    int Late,
    int Missing);

/// <summary>A unit whose reports due in the period came in late or not at all.</summary>
public sealed record LateUnit(BulletinUnit Unit, int Late, int Missing);

/// <summary>A progress bulletin (进展情况通报) for one period and one scope, ready to write as .md or .docx.</summary>
/// <param name="Scope">Whose work it covers, as a reader names it (青石新区, 青管〔2023〕7号).</param>
/// <param name="DueDates">The due dates of the reports that fell due in the period by <paramref name="AsOf"/>.</param>
/// <param name="DueReports">How many duties to report fell due (item × period), and <paramref name="OnTimeReports"/> how many were met on time.</param>
public sealed record Bulletin(
    string Title,
    string Issuer,
    IReadOnlyList<string> Addressees,
    ReportingPeriod Period,
    string Scope,
    DateOnly AsOf,
    IReadOnlyList<DateOnly> DueDates,
    DateOnly Date,
    int Total,
    IReadOnlyList<StateCount> Counts,
    IReadOnlyList<UnitLine> Units,
    IReadOnlyList<BulletinItem> Overdue,
    IReadOnlyList<LateUnit> LateUnits,
    int DueReports,
    int OnTimeReports);
