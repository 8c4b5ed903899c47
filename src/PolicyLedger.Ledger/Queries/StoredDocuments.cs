using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Queries;

/// <summary>A current document of the ledger as a person names it: its key (as <c>ledger</c> shows it), 文号, title, file.</summary>
public sealed record StoredDocumentRef(long Id, string Key, string? DocNumber, string? Title, string FileName, int Items, string Jurisdiction = "");

/// <summary>
/// Finds current documents of the ledger by the names people use, and turns one back into the reading library's
/// model (<see cref="PolicyDocument"/>, its items with their headings, quantities and times), so that a document in
/// the ledger can be compared like a file. Read-only, no tracking.
/// </summary>
public static class StoredDocuments
{
    /// <summary>
    /// Current documents a person means by <paramref name="reference"/>: its key as <c>ledger</c> shows it, its 文号 as
    /// written (brackets and widths as they come: 济管[2023]19号), or its title; when no document is named so, the
    /// documents whose key, 文号, title or file name holds the reference (two characters or more: 申州区 for
    /// 申州区促进消费若干措施). In import order; several when the name is ambiguous.
    /// </summary>
    public static async Task<IReadOnlyList<StoredDocumentRef>> FindAsync(LedgerContext context, string reference, CancellationToken cancellationToken = default)
    {
        var wanted = DocumentKey.Normalize(reference);
        if (wanted.Length == 0)
        {
            return [];
        }

        var current = await context.Documents.AsNoTracking()
            .Where(d => d.IsCurrent)
            .OrderBy(d => d.Id)
            .Select(d => new StoredDocumentRef(d.Id, d.Key, d.DocNumber, d.Title, d.Source!.FileName, d.ItemCount, d.Jurisdiction))
            .ToListAsync(cancellationToken);
        var names = current.Select(d => (Document: d, Names: new[] { d.Key, d.DocNumber, d.Title, d.FileName }.OfType<string>().Select(DocumentKey.Normalize).ToList())).ToList();
        var named = names.Where(d => d.Names.Contains(wanted)).Select(d => d.Document).ToList();
        return named.Count > 0 || wanted.Length < 2
            ? named
            : names.Where(d => d.Names.Any(name => name.Contains(wanted, StringComparison.Ordinal))).Select(d => d.Document).ToList();
    }

    /// <summary>
    /// Of several documents a name fits, those that can be compared: the ones with items when some have none (a file that
    /// forwards a notice holds the forwarding notice, without items, and the notice forwarded).
    /// </summary>
    public static IReadOnlyList<StoredDocumentRef> WithItemsFirst(IReadOnlyList<StoredDocumentRef> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var withItems = matches.Where(m => m.Items > 0).ToList();
        return matches.Count > 1 && withItems.Count > 0 ? withItems : matches;
    }

    /// <summary>
    /// The stored document with its items. When the ledger holds the text of the document's version, the text is read
    /// again with <paramref name="reader"/>, so that every item has its task (the text without its responsibility
    /// clause), as a file would give; the rows are used when the text is not stored (versions imported before texts
    /// were kept) or no longer reads into the same number of items.
    /// </summary>
    public static async Task<PolicyDocument> LoadAsync(LedgerContext context, long documentId, PolicyReader reader, CancellationToken cancellationToken = default)
    {
        var document = await context.Documents.AsNoTracking().Include(d => d.Source).SingleAsync(d => d.Id == documentId, cancellationToken);
        var text = await context.SourceTexts.AsNoTracking()
            .Where(t => t.SourceId == document.SourceId && t.Version == document.Version)
            .Select(t => t.Text)
            .FirstOrDefaultAsync(cancellationToken);
        if (text is not null)
        {
            var read = reader.ReadText(document.Source?.FileName ?? document.Key, text);
            if (document.Position < read.Documents.Count && read.Documents[document.Position].Items.Count == document.ItemCount)
            {
                return read.Documents[document.Position];
            }
        }

        return await FromRowsAsync(context, document, cancellationToken);
    }

    private static async Task<PolicyDocument> FromRowsAsync(LedgerContext context, LedgerDocument document, CancellationToken cancellationToken)
    {
        var items = await context.Items.AsNoTracking()
            .Where(i => i.DocumentId == document.Id)
            .OrderBy(i => i.Ordinal)
            .Include(i => i.Responsibilities)
            .Include(i => i.Quantities)
            .Include(i => i.Times)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var span = new TextSpan(document.SpanStart, document.SpanLength);
        return new PolicyDocument
        {
            Span = span,
            DocNumber = document.DocNumber is { } number ? new Located<string>(number, span) : null,
            Title = document.Title is { } title ? new Located<string>(title, span) : null,
            Issuer = document.Issuer is { } issuer ? new Located<string>(issuer, span) : null,
            Date = document.Date is { } date ? new Located<DateOnly>(date, span) : null,
            Kind = document.Kind,
            Items = items.Select(ToItem).ToList(),
        };
    }

    private static PolicyItem ToItem(LedgerItem i) => new(
        i.Key,
        i.Number,
        i.Marker,
        i.Headings.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        i.Text,
        new TextSpan(i.SpanStart, i.SpanLength),
        i.Responsibilities.OrderBy(r => r.Ordinal).Select(r => new RoleMention(RoleOf(r.Role), r.Mention, new TextSpan(r.SpanStart, r.SpanLength))).ToList(),
        i.ClauseStart is { } start ? new TextSpan(start, i.ClauseLength ?? 0) : null,
        i.Quantities.OrderBy(q => q.Ordinal).Select(q => new Quantity(q.Text, new TextSpan(q.SpanStart, q.SpanLength),
            Enum.Parse<QuantityKind>(q.Kind), q.Value, q.Unit, q.Per, Enum.Parse<Bound>(q.Bound), q.High)).ToList(),
        i.Times.OrderBy(t => t.Ordinal).Select(t => new TimeExpression(t.Text, new TextSpan(t.SpanStart, t.SpanLength), t.Start, t.End, t.Recurrence, t.YearFromContext)).ToList())
    {
        Task = TaskOf(i.Text, i.ClauseLength),
    };

    /// <summary>
    /// The item's text without its responsibility clause, which the reader puts at the end of the text. The clause
    /// length is measured in the original text, where line breaks inside the clause may still stand, so the cut can
    /// fall a few characters early, inside the closing punctuation of the task, never inside the clause.
    /// </summary>
    private static string TaskOf(string text, int? clauseLength) =>
        clauseLength is { } n && n > 0 && n < text.Length ? text[..(text.Length - n)].TrimEnd() : text;

    private static Role RoleOf(LedgerRole role) => role switch
    {
        LedgerRole.Lead => Role.Lead,
        LedgerRole.Responsible => Role.Responsible,
        _ => Role.Cooperating,
    };
}
