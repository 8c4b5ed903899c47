using System.Globalization;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>A unit that reports on an item: its id, key (jurisdiction/name), name and jurisdiction.</summary>
public sealed record TrackedUnit(long Id, string Key, string Name, string Jurisdiction);

/// <summary>
/// An item of a current document as tracking sees it: its stable key, its document's jurisdiction, its reporting
/// units, its main target, its schedule and its document's cadence.
/// </summary>
/// <param name="Key">The item key every command shows and accepts (<see cref="PolicyLedger.Reading.Syntax.ItemKey"/>: 济管〔2023〕19号#12).</param>
/// <param name="SourceId">With <paramref name="DocumentPosition"/> and <paramref name="ItemKey"/>, what reports are anchored to (<see cref="Anchor"/>).</param>
/// <param name="ItemKey">The item's id within its document ("12", "（4）").</param>
/// <param name="Jurisdiction">The jurisdiction of its document (the scope of supervision it falls in).</param>
/// <param name="ItemId">The stored item (for a split's second part, the item it was split from; null for a paragraph a correction took as an item).</param>
/// <param name="Units">Its lead and responsible units (lead first): the units that report on it.</param>
public sealed record TrackedItem(
    string Key,
    long SourceId,
    int DocumentPosition,
    long DocumentId,
    long? ItemId,
    string ItemKey,
    string Number,
    string Document,
    string Jurisdiction,
    string Text,
    IReadOnlyList<TrackedUnit> Units,
    string? TargetText,
    decimal? Target,
    string? TargetUnit,
    ItemSchedule Schedule,
    ReportingCadence Cadence)
{
    /// <summary>A reviewer corrected the item (its units, deadline, target or shape): <see cref="CorrectedFields"/> says which.</summary>
    public bool Corrected => CorrectedFields.Count > 0;

    /// <summary>Its place among its document's items in effect (0, 1, …): the 台账's order within a document.</summary>
    public int Ordinal { get; init; }

    /// <summary>The fields corrections changed (lead, deadline, split …), each once.</summary>
    public IReadOnlyList<string> CorrectedFields { get; init; } = [];

    /// <summary>What a progress report of this item is stored against: its file, the document's place in it, the item's id.</summary>
    public (long SourceId, int Position, string ItemKey) Anchor => (SourceId, DocumentPosition, ItemKey);

    /// <summary>The document part of <see cref="Key"/>.</summary>
    public string DocumentKey => PolicyLedger.Reading.Syntax.ItemKey.TryParse(Key, out var key) ? key.Document : Key;

    /// <summary>A report's anchor written as text for the audit log: "{source}#{item}", "{source}.{n}#{item}" for the n-th document of a file.</summary>
    public static string MakeKey(long sourceId, int position, string itemKey) =>
        position == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sourceId}#{itemKey}")
            : string.Create(CultureInfo.InvariantCulture, $"{sourceId}.{position + 1}#{itemKey}");
}
