using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Corrections;

// The items of the ledger as every command sees them: read from the stored rows, then corrected. Immutable values;
// the correction engine turns the items as read into the items in effect.

/// <summary>A unit of the ledger.</summary>
public sealed record UnitView(long Id, string Key, string Name, string Jurisdiction, UnitKind Kind);

/// <summary>A unit's role in an item: as written, the unit it resolved to (null: not resolved yet), and whether a correction put it there.</summary>
/// <param name="SpanStart">Where the mention stands in the text of its file version (null for a unit a correction names).</param>
public sealed record ItemRole(LedgerRole Role, string Mention, UnitView? Unit, int? SpanStart = null, int? SpanLength = null, bool Corrected = false)
{
    /// <summary>The role is implied by a declaration covering later items, not written in the item's own clause.</summary>
    public bool Implied { get; init; }

    /// <summary>The part of the item the role governs (its sub-task), where the reader could tell.</summary>
    public string? Governs { get; init; }

    public int? GovernsStart { get; init; }

    public int? GovernsLength { get; init; }

    /// <summary>Whether this role names the same unit as <paramref name="other"/>: the same unit key, else the same name as written.</summary>
    public bool SameUnit(ItemRole other) =>
        Unit is not null && other.Unit is not null
            ? Unit.Key == other.Unit.Key
            : Mention == other.Mention || Unit?.Name == other.Mention || other.Unit?.Name == Mention;
}

/// <summary>A figure of an item (see <c>PolicyLedger.Reading.Syntax.Quantity</c>): kind and bound by name.</summary>
public sealed record ItemQuantity(string Text, string Kind, decimal Value, string Unit, string? Per = null, string Bound = "Exact", decimal? High = null)
{
    public static ItemQuantity From(Quantity q) => new(q.Text, q.Kind.ToString(), q.Value, q.Unit, q.Per, q.Bound.ToString(), q.High);
}

/// <summary>A time of an item (see <c>PolicyLedger.Reading.Syntax.TimeExpression</c>).</summary>
public sealed record ItemTime(string Text, DateOnly? Start, DateOnly? End, string? Recurrence)
{
    public static ItemTime From(TimeExpression t) => new(t.Text, t.Start, t.End, t.Recurrence);
}

/// <summary>A current document of the ledger.</summary>
/// <param name="Key">Its key (文号, else title and date): what corrections and item keys name it by.</param>
/// <param name="Name">A name for people: its 文号, else its title, else its file and place in the file.</param>
/// <param name="Version">The version of its file it was read from (what <c>source_texts</c> holds the text of).</param>
public sealed record DocumentView(
    long Id,
    long SourceId,
    int Position,
    int Version,
    string Key,
    string Name,
    string? DocNumber,
    string? Title,
    string FileName,
    string Jurisdiction,
    DateOnly? Date,
    DateTimeOffset ImportedAt,
    int SpanStart,
    int SpanLength);

/// <summary>A diagnostic on an item (the reader's, stored with it): why a reviewer should look at it first.</summary>
public sealed record ItemDoubt(string Code, string Message, string Severity = "warning", int? SpanStart = null, int? SpanLength = null);

/// <summary>
/// An item as read and stored (<see cref="LedgerItemId"/> set), or as a correction made it (a split's second part,
/// a paragraph taken as an item: no stored row).
/// </summary>
/// <param name="Id">The item's id within its document ("12", "（4）", "12之二").</param>
/// <param name="SpanStart">Where the item stands in the text of its file version.</param>
public sealed record ReadItem(
    long? LedgerItemId,
    string Id,
    int? Number,
    IReadOnlyList<string> Headings,
    string Text,
    int SpanStart,
    int SpanLength,
    int? ClauseStart,
    int? ClauseLength,
    IReadOnlyList<ItemRole> Roles,
    IReadOnlyList<ItemQuantity> Quantities,
    IReadOnlyList<ItemTime> Times)
{
    /// <summary>What the reader found doubtful about the item (its stored diagnostics, in order).</summary>
    public IReadOnlyList<ItemDoubt> Doubts { get; init; } = [];

    /// <summary>For an item a split made, the stored item it was split from (progress reports point at it).</summary>
    public long? SourceItemId { get; init; }

    /// <summary>The stored item this one is, or was made from: null only for a paragraph a correction took as an item.</summary>
    public long? StoredItemId => LedgerItemId ?? SourceItemId;

    public IEnumerable<string> MentionsIn(LedgerRole role) => Roles.Where(r => r.Role == role).Select(r => r.Mention);
}

/// <summary>One change a correction made to an item, for people: the field, what it was, what it is, who, when and why.</summary>
/// <param name="Field">lead, responsible, cooperating, units, deadline, target, not-an-item, as-item, split, merge.</param>
public sealed record ItemChange(long CorrectionId, string Field, string? Before, string? After, string By, DateTimeOffset At, string? Why);

/// <summary>
/// An item as every command shows it: the item as read with the corrections that apply to it. Uncorrected items are
/// the reading unchanged.
/// </summary>
/// <param name="Ordinal">Its place among the document's items in effect (0, 1, …).</param>
/// <param name="Deadline">The deadline a correction set, else the latest end date among its times.</param>
/// <param name="Target">The main target a correction set, else the first measure or money figure, else the first figure that is not a percentage.</param>
/// <param name="Origin">read, split (the second part of a split item), merge (an item merged with the next) or as-item.</param>
public sealed record EffectiveItem(
    DocumentView Document,
    ReadItem Item,
    int Ordinal,
    DateOnly? Deadline,
    bool DeadlineCorrected,
    ItemQuantity? Target,
    bool TargetCorrected,
    IReadOnlyList<ItemChange> Changes,
    string Origin)
{
    /// <summary>The item key every command shows and accepts (济管〔2023〕19号#12).</summary>
    public string Key => new ItemKey(Document.Key, Item.Id).ToString();

    public bool Corrected => Changes.Count > 0;

    /// <summary>The fields corrections changed, each once, in the order they were changed.</summary>
    public IReadOnlyList<string> CorrectedFields => Changes.Select(c => c.Field).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The figure a report is measured against when no correction names one.</summary>
    public static ItemQuantity? MainTargetOf(IReadOnlyList<ItemQuantity> quantities) =>
        quantities.FirstOrDefault(q => q.Kind is "Measure" or "Money") ?? quantities.FirstOrDefault(q => q.Kind != "Percent");

    /// <summary>The deadline as read: the latest end date among the times.</summary>
    public static DateOnly? DeadlineOf(IReadOnlyList<ItemTime> times) => times.Where(t => t.End is not null).Select(t => t.End).Max();
}

/// <summary>An item a correction marked as not an item: shown by review and corrections, by nothing else.</summary>
public sealed record RemovedItem(DocumentView Document, ReadItem Item, ItemChange Change)
{
    public string Key => new ItemKey(Document.Key, Item.Id).ToString();
}
