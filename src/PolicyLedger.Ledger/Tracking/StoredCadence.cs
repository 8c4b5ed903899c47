using PolicyLedger.Ledger.Model;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// A document's reporting cadence as the ledger keeps it: read once from the text the reader saw (decoded, or
/// extracted from .docx/.pdf/.html) when the document is imported, stored on the document row, and from then on
/// taken from there; an office's override (<see cref="DocumentCadence"/>) wins. Source files are never read again.
/// </summary>
public static class StoredCadence
{
    /// <summary>What the document's part of <paramref name="text"/> states, else the default (quarterly at quarter end).</summary>
    public static ReportingCadence Read(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = Math.Clamp(start, 0, text.Length);
        var count = Math.Clamp(length, 0, text.Length - from);
        return CadenceReader.Read(count > 0 ? text.Substring(from, count) : text) ?? ReportingCadence.Default;
    }

    /// <summary>The cadence stored with a document (the default where none was stored).</summary>
    public static ReportingCadence Of(LedgerDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.CadenceKind, document.CadenceDueDay, document.CadenceSource);
    }

    /// <summary>The cadence stored with a document, from its three columns.</summary>
    public static ReportingCadence Of(string? cadenceKind, int? dueDay, string? source) =>
        cadenceKind is { } k && Enum.TryParse<PeriodKind>(k, out var kind)
            ? new ReportingCadence(kind, dueDay, source ?? "default")
            : ReportingCadence.Default;

    /// <summary>The office's override where one is set, else what was stored at import.</summary>
    public static ReportingCadence Effective(LedgerDocument document, DocumentCadence? overridden)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Effective(document.CadenceKind, document.CadenceDueDay, document.CadenceSource, overridden);
    }

    /// <summary>The office's override where one is set, else what was stored at import (the document's three cadence columns).</summary>
    public static ReportingCadence Effective(string? cadenceKind, int? dueDay, string? source, DocumentCadence? overridden) =>
        overridden is not null && Enum.TryParse<PeriodKind>(overridden.Kind, out var kind)
            ? new ReportingCadence(kind, overridden.DueDay, overridden.Origin)
            : Of(cadenceKind, dueDay, source);
}
