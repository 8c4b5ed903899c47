using System.Globalization;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// An item of a current document as tracking sees it: its stable key, its reporting units, its main target, its
/// schedule and its document's cadence.
/// </summary>
/// <param name="Key">"{source}#{item}" for the first document of a file, "{source}.{n}#{item}" for the n-th: stable across versions.</param>
/// <param name="Units">Its lead and responsible units (lead first): the units that report on it.</param>
public sealed record TrackedItem(
    string Key,
    long SourceId,
    int DocumentPosition,
    long ItemId,
    string ItemKey,
    string Number,
    string Document,
    string Text,
    IReadOnlyList<(long Id, string Name)> Units,
    string? TargetText,
    decimal? Target,
    string? TargetUnit,
    ItemSchedule Schedule,
    ReportingCadence Cadence)
{
    public static string MakeKey(long sourceId, int position, string itemKey) =>
        position == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sourceId}#{itemKey}")
            : string.Create(CultureInfo.InvariantCulture, $"{sourceId}.{position + 1}#{itemKey}");
}
