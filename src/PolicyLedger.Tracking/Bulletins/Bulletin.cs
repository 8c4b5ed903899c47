using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>One tracked item as a bulletin sees it.</summary>
/// <param name="Units">Its responsible units (lead first).</param>
/// <param name="Percent">Completion of its last report (100 when done).</param>
/// <param name="SubmittedOn">When the report for the bulletin's period came in, or null where none did.</param>
public sealed record BulletinItem(
    string Document,
    string ItemId,
    string Number,
    string Text,
    IReadOnlyList<string> Units,
    TrackingState State,
    decimal? Percent,
    DateOnly? Deadline,
    DateOnly? SubmittedOn);

/// <summary>How many items are in a state, and their share of all.</summary>
public sealed record StateCount(TrackingState State, int Count, decimal Percent);

/// <summary>One unit's line in the ranking.</summary>
/// <param name="Completion">Average completion of its items (done = 100, unreported = 0).</param>
/// <param name="OnTime">Items whose report for the period came in by the due date.</param>
public sealed record UnitLine(
    int Rank,
    string Unit,
    int Items,
    int Done,
    int Behind,
    int Overdue,
    int NotReported,
    decimal Completion,
    int OnTime,
    int Late);

/// <summary>A unit whose report for the period came in late or not at all.</summary>
public sealed record LateUnit(string Unit, int Late, int Missing);

/// <summary>A progress bulletin (进展情况通报) for one period, ready to write as .md or .docx.</summary>
public sealed record Bulletin(
    string Title,
    string Issuer,
    IReadOnlyList<string> Addressees,
    ReportingPeriod Period,
    DateOnly AsOf,
    DateOnly DueDate,
    DateOnly Date,
    int Total,
    IReadOnlyList<StateCount> Counts,
    IReadOnlyList<UnitLine> Units,
    IReadOnlyList<BulletinItem> Overdue,
    IReadOnlyList<LateUnit> LateUnits);
