using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Model;

// The stored ledger. Every row that was read from text keeps its span (SpanStart, SpanLength: UTF-16 offsets into
// the decoded text of the file version it came from), so a person can always be shown the sentence behind it.

/// <summary>A file the ledger has imported, identified by its full path. Its contents are kept as versions.</summary>
public sealed class LedgerSource
{
    public long Id { get; set; }

    /// <summary>The full path the file was imported from (its identity).</summary>
    public required string Path { get; set; }

    public required string FileName { get; set; }

    /// <summary>The newest version imported (1, 2, …).</summary>
    public int CurrentVersion { get; set; }

    /// <summary>SHA-256 (hex) of the bytes of the newest version.</summary>
    public required string CurrentHash { get; set; }

    /// <summary>
    /// Which unit resolution (resolver and alias files) the current version's units were resolved with. When it
    /// changes (a user edited an alias file), re-importing the unchanged file re-resolves its units in place.
    /// </summary>
    public string? UnitsFingerprint { get; set; }

    public List<LedgerDocument> Documents { get; set; } = [];
}

/// <summary>
/// One official document (公文) of one version of a file. A changed file adds a new version with new rows; the rows
/// of older versions stay, with <see cref="IsCurrent"/> false.
/// </summary>
public sealed class LedgerDocument
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public LedgerSource? Source { get; set; }

    /// <summary>The version of the file this document was read from.</summary>
    public int Version { get; set; }

    /// <summary>Whether this is a document of the newest version of its file.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>SHA-256 (hex) of the file's bytes.</summary>
    public required string ContentHash { get; set; }

    /// <summary>0 for the first document in the file, 1 for the next (a gazette holds several).</summary>
    public int Position { get; set; }

    /// <summary>
    /// The document's identity across files, versions and databases (<see cref="PolicyLedger.Reading.Syntax.DocumentKey"/>):
    /// its 文号, else its title and date. Item keys are this key, '#' and the item's id.
    /// </summary>
    public string Key { get; set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; set; }

    public string? Encoding { get; set; }

    public string? DocNumber { get; set; }

    public string? Issuer { get; set; }

    public string? Title { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>What kind of document the title says it is (通知, 意见 …).</summary>
    public string? Kind { get; set; }

    /// <summary>The jurisdiction its units belong to (a city without 市, a district or county with 区 or 县: 某某, 某某区 …).</summary>
    public required string Jurisdiction { get; set; }

    /// <summary>主送机关, one per line.</summary>
    public string? Addressees { get; set; }

    /// <summary>The upper-level documents it implements, one per line.</summary>
    public string? Basis { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    /// <summary>How many items were stored with it (a check that a document is never half-written).</summary>
    public int ItemCount { get; set; }

    /// <summary>
    /// The reporting cadence its text states (Month, Quarter, Half, Year), read from the text at import so tracking
    /// never reads the file again; "Quarter" with <see cref="CadenceSource"/> "default" where the text states none;
    /// null only for a document imported before cadences were stored (filled from the stored text on upgrade).
    /// </summary>
    public string? CadenceKind { get; set; }

    /// <summary>Reports are due on this day of the month after the period (次月5日前 → 5); null: at the period's end.</summary>
    public int? CadenceDueDay { get; set; }

    /// <summary>The sentence the cadence was read from, or "default".</summary>
    public string? CadenceSource { get; set; }

    public List<LedgerHeading> Headings { get; set; } = [];

    public List<LedgerItem> Items { get; set; } = [];

    /// <summary>A name for people: the document number, else the title, else the file name and position.</summary>
    public string DisplayName => DocNumber ?? Title ?? $"{Source?.FileName ?? SourceId.ToString(System.Globalization.CultureInfo.InvariantCulture)}#{Position + 1}";

    /// <summary>The key of one of its items as every command shows and accepts it (济管〔2023〕19号#12).</summary>
    public string ItemKeyOf(string itemId) => new PolicyLedger.Reading.Syntax.ItemKey(Key, itemId).ToString();
}

/// <summary>
/// The text of one version of a file as the reader saw it (decoded, or extracted from .docx/.pdf/.html): what every
/// span of that version's rows points into, kept so a person can be shown the sentence behind a row and rules can
/// quote the document without the file.
/// </summary>
public sealed class LedgerSourceText
{
    public long SourceId { get; set; }

    public LedgerSource? Source { get; set; }

    public int Version { get; set; }

    public required string Text { get; set; }
}

/// <summary>A heading above items (一、… / （一）…).</summary>
public sealed class LedgerHeading
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public int Ordinal { get; set; }

    public int Level { get; set; }

    public required string Label { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }
}

/// <summary>A task item of a document.</summary>
public sealed class LedgerItem
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public LedgerDocument? Document { get; set; }

    /// <summary>0, 1, … in the order of the document.</summary>
    public int Ordinal { get; set; }

    /// <summary>The item's id within its document as the reader gives it: "12", "（28）", "二、主要任务三".</summary>
    public required string Key { get; set; }

    public int? Number { get; set; }

    public required string Marker { get; set; }

    /// <summary>The headings above the item, outermost first, one per line.</summary>
    public required string Headings { get; set; }

    public required string Text { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    public int? ClauseStart { get; set; }

    public int? ClauseLength { get; set; }

    /// <summary>
    /// The item's lead and responsible roles with their units, its figures and its times as one JSON text, derived from
    /// their rows by the database (<c>ItemDetails</c>) whenever they are written: a page of the 台账 reads its items'
    /// details with the items, not from three more tables item by item. Never set by hand.
    /// </summary>
    public string? Details { get; set; }

    public List<LedgerResponsibility> Responsibilities { get; set; } = [];

    public List<LedgerQuantity> Quantities { get; set; } = [];

    public List<LedgerTime> Times { get; set; } = [];

    /// <summary>What the reader found doubtful about the item (its <c>PolicyItem.Diagnostics</c>), in order.</summary>
    public List<LedgerItemDiagnostic> Diagnostics { get; set; } = [];
}

/// <summary>A diagnostic the reader put on an item: a stable code (PL3xx item, PL4xx clause), a message and where.</summary>
public sealed class LedgerItemDiagnostic
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public int Ordinal { get; set; }

    /// <summary>The stable code from the reader's catalogue (PL301, PL405 …).</summary>
    public required string Code { get; set; }

    /// <summary>info, warning or error.</summary>
    public required string Severity { get; set; }

    public required string Message { get; set; }

    public int? SpanStart { get; set; }

    public int? SpanLength { get; set; }
}

/// <summary>A unit (department, collective of units, outside body, company, party organ) of a jurisdiction.</summary>
public sealed class LedgerUnit
{
    public long Id { get; set; }

    /// <summary>Unique: the resolver's key (jurisdiction and canonical name).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string Jurisdiction { get; set; }

    /// <summary>What kind of body it is (the resolver's <see cref="UnitKind"/>, stored by name).</summary>
    public UnitKind Kind { get; set; }
}

public enum LedgerRole
{
    Lead,
    Responsible,
    Cooperating,
}

/// <summary>A unit's role in an item, with the mention as written in the responsibility clause.</summary>
public sealed class LedgerResponsibility
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public LedgerItem? Item { get; set; }

    public long UnitId { get; set; }

    public LedgerUnit? Unit { get; set; }

    public LedgerRole Role { get; set; }

    /// <summary>The unit as written in the clause.</summary>
    public required string Mention { get; set; }

    public int Ordinal { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    /// <summary>
    /// The role is implied by a declaration covering later items ("以下各项均需…落实，不再列出"), not written in the
    /// item's own clause; the span then points at the declaration's mention.
    /// </summary>
    public bool Implied { get; set; }

    /// <summary>The part of the item the role governs (its sub-task), on one line; null where the reader could not tell.</summary>
    public string? GovernsText { get; set; }

    public int? GovernsStart { get; set; }

    public int? GovernsLength { get; set; }

    // Copies of the item's own values, which never change once it is stored (set when the row is written, by
    // ReadingCopiesInterceptor on the change tracker and by SqliteRowWriter around it): a unit's items, their documents,
    // places, keys and whether they have times come from the index on the unit alone, not from each item's row
    // (docs/web.md, Load).

    /// <summary>The item's document (a copy of <c>Item.DocumentId</c>).</summary>
    public long DocumentId { get; set; }

    public LedgerDocument? Document { get; set; }

    /// <summary>The item's place in its document (a copy of <c>Item.Ordinal</c>).</summary>
    public int ItemOrdinal { get; set; }

    /// <summary>The item's key (a copy of <c>Item.Key</c>).</summary>
    public string ItemKey { get; set; } = string.Empty;

    /// <summary>How many times (dates, periods) the item has.</summary>
    public int ItemTimeCount { get; set; }
}

/// <summary>A figure read from an item (see <c>PolicyLedger.Reading.Syntax.Quantity</c>).</summary>
public sealed class LedgerQuantity
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public int Ordinal { get; set; }

    public required string Text { get; set; }

    public required string Kind { get; set; }

    public decimal Value { get; set; }

    public required string Unit { get; set; }

    public string? Per { get; set; }

    public required string Bound { get; set; }

    public decimal? High { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }
}

/// <summary>A time read from an item (see <c>PolicyLedger.Reading.Syntax.TimeExpression</c>).</summary>
public sealed class LedgerTime
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public int Ordinal { get; set; }

    public required string Text { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public string? Recurrence { get; set; }

    public bool YearFromContext { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }
}

public enum ImportOutcome
{
    /// <summary>The file was new: version 1 was stored.</summary>
    Imported,

    /// <summary>The file had changed: a new version was stored; the old one stays readable.</summary>
    NewVersion,

    /// <summary>The same bytes were imported before: nothing changed.</summary>
    Unchanged,

    /// <summary>The same bytes, but the unit resolution (alias files) changed: the units were resolved again.</summary>
    UnitsUpdated,

    /// <summary>The file could not be read or stored: nothing of it was stored.</summary>
    Failed,

    /// <summary>The file holds no text (empty or only whitespace): a warning, nothing stored, as <c>read</c> says too.</summary>
    Empty,
}

/// <summary>One line of the import log: what happened to one file in one import.</summary>
public sealed class ImportLogEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Path { get; set; }

    public string? ContentHash { get; set; }

    public ImportOutcome Outcome { get; set; }

    public int? Version { get; set; }

    public int Documents { get; set; }

    public int Items { get; set; }

    public string? Message { get; set; }

    /// <summary>Keys of the units this file's import created (not stored in this table: the audit row of the import lists them).</summary>
    public IReadOnlyList<string> NewUnits { get; set; } = [];
}
