using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Corrections;

// Corrections and review checks (issue 10). Both are anchored to what outlives a database and a version of the
// document: the document's key (文号, else title and date), optionally the file it came from, the item's id as the
// document numbers it, and the item's text when it was corrected (with its fingerprint). Never to database ids of
// documents or items: they change with every import.

/// <summary>What a correction changes.</summary>
public enum CorrectionKind
{
    /// <summary>Replaces the units of one role (an empty list clears it).</summary>
    SetRole,

    /// <summary>Gives one unit one role (it leaves any other role it had in the item).</summary>
    AddUnit,

    /// <summary>Takes one unit out of the item, whatever its role.</summary>
    RemoveUnit,

    /// <summary>Sets the deadline (an empty value: the item has none).</summary>
    SetDeadline,

    /// <summary>Sets the main target (a quantity as written: 1.6万人).</summary>
    SetTarget,

    /// <summary>The paragraph read as an item is not one.</summary>
    NotAnItem,

    /// <summary>A paragraph the reader did not take as an item is one.</summary>
    AsItem,

    /// <summary>Splits the item where the given text begins.</summary>
    Split,

    /// <summary>Merges the item with the one after it.</summary>
    MergeNext,
}

/// <summary>
/// One correction a reviewer made to one item: who, when, why, what was read before, and the anchor it is found by in
/// every later import. Several corrections of one item share its anchor.
/// </summary>
public sealed class ItemCorrection
{
    public long Id { get; set; }

    /// <summary>The document's key (<see cref="Model.LedgerDocument.Key"/>).</summary>
    public required string DocumentKey { get; set; }

    /// <summary>
    /// The file name the correction is limited to, where two current documents share the key and the reviewer named
    /// one of them; null: every current document with the key.
    /// </summary>
    public string? SourceFile { get; set; }

    /// <summary>The item's id within its document when it was corrected ("12", "（4）").</summary>
    public required string ItemId { get; set; }

    public int? ItemNumber { get; set; }

    /// <summary>The item's text when it was corrected (for <see cref="CorrectionKind.AsItem"/>: the paragraph's).</summary>
    public required string ItemText { get; set; }

    /// <summary><see cref="PolicyLedger.Reading.Text.TextSimilarity.Fingerprint"/> of <see cref="ItemText"/>.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>The fingerprint of the item before it then: that item is never taken for this one.</summary>
    public string? PreviousFingerprint { get; set; }

    /// <summary>The fingerprint of the item after it then (after a deletion it takes this item's number).</summary>
    public string? NextFingerprint { get; set; }

    public CorrectionKind Kind { get; set; }

    /// <summary>The role set or added (<see cref="CorrectionKind.SetRole"/>, <see cref="CorrectionKind.AddUnit"/>).</summary>
    public LedgerRole? Role { get; set; }

    /// <summary>
    /// The value as the reviewer wrote it: a unit list (A、B), a unit, a date (2024-06-30, empty for none), a target
    /// (1.6万人), the text where a split begins, or (as-item) nothing.
    /// </summary>
    public string? Value { get; set; }

    /// <summary>Split: the id of the second part.</summary>
    public string? NewItemId { get; set; }

    /// <summary>Merge: the id of the item after it when the correction was made.</summary>
    public string? NextItemId { get; set; }

    /// <summary>Merge: the text of the item after it when the correction was made.</summary>
    public string? NextItemText { get; set; }

    /// <summary>What the ledger showed before the correction, for people ("青山新区财政局", "2023-12-31").</summary>
    public string? Before { get; set; }

    public string? Why { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Which unit resolution (resolver and alias files) <see cref="Units"/> were resolved with; null: not yet.</summary>
    public string? UnitsFingerprint { get; set; }

    /// <summary>The state last recorded (applied or orphaned), so a change of state on re-import is reported and audited.</summary>
    public string? State { get; set; }

    /// <summary>Why it was last found orphaned (code and message).</summary>
    public string? StateReason { get; set; }

    /// <summary>The item key it was last applied to.</summary>
    public string? StateItem { get; set; }

    /// <summary>The units of <see cref="Value"/> in order, each resolved to a unit of the document's jurisdiction.</summary>
    public List<CorrectionUnit> Units { get; set; } = [];
}

/// <summary>A unit a correction names, as written, and the unit it resolves to (null until the document is in the ledger).</summary>
public sealed class CorrectionUnit
{
    public long Id { get; set; }

    public long CorrectionId { get; set; }

    public int Ordinal { get; set; }

    public required string Mention { get; set; }

    public long? UnitId { get; set; }

    public LedgerUnit? Unit { get; set; }
}

/// <summary>A person checked an item as read and found it right. Holds while the item's text stays the same.</summary>
public sealed class ReviewCheck
{
    public long Id { get; set; }

    public required string DocumentKey { get; set; }

    public string? SourceFile { get; set; }

    public required string ItemId { get; set; }

    public int? ItemNumber { get; set; }

    public required string ItemText { get; set; }

    public required string Fingerprint { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A current document some correction concerns: its rows of the 台账 are the items in effect kept in
/// <see cref="CorrectedRow"/>, not its stored items. Derived data, rebuilt by <see cref="CorrectedRows.RefreshAsync"/>
/// whenever corrections or the current documents change, so that the 台账 can page and filter in SQL.
/// </summary>
public sealed class CorrectedDocument
{
    public long DocumentId { get; set; }

    public LedgerDocument? Document { get; set; }
}

/// <summary>One item in effect of a corrected document, in its place (<see cref="Ordinal"/>) among the document's items in effect.</summary>
public sealed class CorrectedRow
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public LedgerDocument? Document { get; set; }

    /// <summary>0, 1, … among the document's items in effect (<see cref="EffectiveItem.Ordinal"/>).</summary>
    public int Ordinal { get; set; }

    /// <summary>The item's id within its document (<see cref="ReadItem.Id"/>).</summary>
    public required string ItemKey { get; set; }

    /// <summary>The stored item it is or was made from (null: a paragraph a correction took as an item).</summary>
    public long? StoredItemId { get; set; }

    public List<CorrectedRowUnit> Units { get; set; } = [];
}

/// <summary>A unit's role in a corrected row, as corrected (the unit filter and a reporter's items go by these).</summary>
public sealed class CorrectedRowUnit
{
    public long Id { get; set; }

    public long RowId { get; set; }

    public long UnitId { get; set; }

    public LedgerUnit? Unit { get; set; }

    public LedgerRole Role { get; set; }
}
