namespace PolicyLedger.Ledger.Tracking;

// Progress reports and the audit log (issue 5). A report is tied to an item by a key that survives a new version
// of its document: (SourceId, DocumentPosition, ItemKey); ItemId records the version it was made against.

/// <summary>One unit's report on one item for one period (2024Q2). A correction updates the row; the audit log keeps the before.</summary>
public sealed class ProgressReport
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public int DocumentPosition { get; set; }

    public required string ItemKey { get; set; }

    /// <summary>The item version the report was made against.</summary>
    public long? ItemId { get; set; }

    public long UnitId { get; set; }

    /// <summary>2024Q2, 2024-05, 2024H1, 2024.</summary>
    public required string Period { get; set; }

    public decimal? Percent { get; set; }

    public bool Done { get; set; }

    public string? Narrative { get; set; }

    /// <summary>Who reported (a person or the unit's account).</summary>
    public required string ReportedBy { get; set; }

    /// <summary>When it was first recorded (the clock at the first save).</summary>
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>
    /// The day it was submitted (<c>progress add --on</c>; default: the day it was recorded, in the configured time
    /// zone): what timeliness is judged by and what status at a date counts.
    /// </summary>
    public DateOnly SubmittedOn { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>"cli", or "xlsx FILE!ROW".</summary>
    public required string Origin { get; set; }

    /// <summary>The claim checks' warnings, one "CODE message" a line.</summary>
    public string? Warnings { get; set; }

    public List<ProgressFigure> Figures { get; set; } = [];

    public List<ProgressEvidence> Evidence { get; set; } = [];
}

/// <summary>A figure achieved against one of the item's targets: 12000 of 16000 人.</summary>
public sealed class ProgressFigure
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    /// <summary>What is counted: the target's text as read ("1.6万人").</summary>
    public required string Key { get; set; }

    public decimal Value { get; set; }

    public decimal? Target { get; set; }

    public string? Unit { get; set; }
}

/// <summary>An evidence file of a report: its name and SHA-256; the bytes are in <see cref="EvidenceBlob"/>.</summary>
public sealed class ProgressEvidence
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public long Size { get; set; }
}

/// <summary>An evidence file's bytes, stored once per content (keyed by SHA-256).</summary>
public sealed class EvidenceBlob
{
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>A document's reporting cadence where an office has set it (else it is read from the text).</summary>
public sealed class DocumentCadence
{
    public long SourceId { get; set; }

    public int DocumentPosition { get; set; }

    /// <summary>Month, Quarter, Half, Year.</summary>
    public required string Kind { get; set; }

    public int? DueDay { get; set; }

    public required string Origin { get; set; }
}

/// <summary>A setting kept in the ledger (the default scope of supervision): one key, one value.</summary>
public sealed class LedgerSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}

/// <summary>One change to the ledger: who, when, what, before and after (JSON of the row's values).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>insert, update, delete, or a named action (import, correction).</summary>
    public required string Action { get; set; }

    /// <summary>The table ("items", "progress_reports").</summary>
    public required string Entity { get; set; }

    /// <summary>The row's key where it is known before saving, else its natural description.</summary>
    public string? EntityKey { get; set; }

    /// <summary>What the change was part of: "import a.txt", "progress add", "progress import form.xlsx".</summary>
    public string? Context { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
