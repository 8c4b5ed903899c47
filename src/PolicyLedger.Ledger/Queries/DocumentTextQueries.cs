using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Queries;

/// <summary>An item of a stored document: its id as the reader gave it, its number and where it stands in the text.</summary>
public sealed record StoredItemSpan(string Id, int? Number, TextSpan Span);

/// <summary>
/// The current version of a stored document with the text its spans point into: what rule quotes are checked against
/// and clause spans are cited from (and what <c>rules draft</c> reads again).
/// </summary>
public sealed record StoredDocumentText(string Key, string? DocNumber, string? Title, string FileName, int Version, string Text, TextSpan Span, IReadOnlyList<StoredItemSpan> Items);

/// <summary>Read-only queries for the stored texts of the current versions.</summary>
public static class DocumentTextQueries
{
    /// <summary>Every current document with its version's text (documents whose text was not stored are left out).</summary>
    public static Task<IReadOnlyList<StoredDocumentText>> CurrentAsync(LedgerContext context, CancellationToken cancellationToken = default) =>
        CurrentAsync(context, _ => true, cancellationToken);

    /// <summary>
    /// The current documents whose key <paramref name="wanted"/> accepts, with their versions' texts: the documents'
    /// keys are read first, and the texts and items of those wanted only (the 惠企 page reads the few its rules cite,
    /// not every text of a large ledger).
    /// </summary>
    public static async Task<IReadOnlyList<StoredDocumentText>> CurrentAsync(LedgerContext context, Func<string, bool> wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(wanted);
        var documents = (await context.Documents.AsNoTracking()
            .Where(d => d.IsCurrent)
            .Select(d => new { d.Id, d.Key, d.DocNumber, d.Title, d.SourceId, d.Version, d.SpanStart, d.SpanLength, d.Source!.FileName })
            .ToListAsync(cancellationToken))
            .Where(d => wanted(d.Key))
            .ToList();
        if (documents.Count == 0)
        {
            return [];
        }

        var sources = documents.Select(d => d.SourceId).Distinct().ToList();
        var ids = documents.Select(d => d.Id).ToList();
        var texts = await (from t in context.SourceTexts.AsNoTracking()
                           join s in context.Sources.AsNoTracking() on t.SourceId equals s.Id
                           where t.Version == s.CurrentVersion && sources.Contains(t.SourceId)
                           select new { t.SourceId, t.Version, t.Text }).ToListAsync(cancellationToken);
        var items = await context.Items.AsNoTracking()
            .Where(i => ids.Contains(i.DocumentId))
            .OrderBy(i => i.Ordinal)
            .Select(i => new { i.DocumentId, i.Key, i.Number, i.SpanStart, i.SpanLength })
            .ToListAsync(cancellationToken);
        var byDocument = items.ToLookup(i => i.DocumentId);
        var textOf = texts.ToDictionary(t => (t.SourceId, t.Version), t => t.Text);
        return documents
            .Where(d => textOf.ContainsKey((d.SourceId, d.Version)))
            .Select(d => new StoredDocumentText(
                d.Key, d.DocNumber, d.Title, d.FileName, d.Version, textOf[(d.SourceId, d.Version)],
                new TextSpan(d.SpanStart, d.SpanLength),
                byDocument[d.Id].Select(i => new StoredItemSpan(i.Key, i.Number, new TextSpan(i.SpanStart, i.SpanLength))).ToList()))
            .ToList();
    }
}
