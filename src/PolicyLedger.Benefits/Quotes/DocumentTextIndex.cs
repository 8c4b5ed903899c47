using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Benefits.Quotes;

/// <summary>An item of a stored document: its id as the reader gives it ("12", "（4）", "三、主要任务一"), its number and span.</summary>
public sealed record ItemExtent(string Id, int? Number, TextSpan Span);

/// <summary>
/// The stored text of one document: its key (the 文号, else title and date), where it came from (a file, or a ledger
/// version), the whole text of the file version its spans point into, the document's span, and its items.
/// </summary>
public sealed record DocumentSource(string Key, string Origin, string Text, TextSpan Span, IReadOnlyList<ItemExtent> Items);

/// <summary>Where a quote was found: its span in the original text and the item it stands in (null: outside every item).</summary>
public sealed record QuoteHit(TextSpan Span, ItemExtent? Item);

/// <summary>
/// The current texts of documents, for checking quotes and citing spans: each document's text folded the way quotes
/// are written (line breaks, page footers and whitespace inside CJK text removed) with a map back to the original.
/// Built from files read now or from the ledger's stored texts; immutable once built.
/// </summary>
public sealed class DocumentTextIndex : IClauseLocator
{
    private readonly Dictionary<string, Folded> _documents;

    private DocumentTextIndex(Dictionary<string, Folded> documents) => _documents = documents;

    public static DocumentTextIndex Empty { get; } = new(new Dictionary<string, Folded>(StringComparer.Ordinal));

    public int Count => _documents.Count;

    public IEnumerable<DocumentSource> Documents => _documents.Values.Select(f => f.Source);

    /// <summary>Indexes documents; when two give the same key, the later one (a newer file, or files after the ledger) wins.</summary>
    public static DocumentTextIndex Build(IEnumerable<DocumentSource> sources)
    {
        var documents = new Dictionary<string, Folded>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            documents[DocumentKey.Normalize(source.Key)] = new Folded(source, Fold(source.Text, source.Span));
        }

        return new DocumentTextIndex(documents);
    }

    /// <summary>The key a rule document is stored under: its 文号, else its title and date (the ledger's <see cref="DocumentKey"/>).</summary>
    public static string KeyOf(RuleDocument document) => DocumentKey.Of(document.Number, document.Title, document.Date, string.Empty, 0);

    public DocumentSource? Find(RuleDocument document) => Lookup(document)?.Source;

    public TextSpan? Locate(RuleDocument document, string quote) => FindQuote(document, quote)?.Span;

    /// <summary>Where the quote stands in the document's current text; null when the document is unknown or the quote is not in it.</summary>
    public QuoteHit? FindQuote(RuleDocument document, string quote)
    {
        if (Lookup(document) is not { } folded || quote.Length == 0)
        {
            return null;
        }

        var at = folded.Text.Text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var span = folded.Text.ToSource(at, quote.Length);
        var item = folded.Source.Items.Where(i => i.Span.Contains(span)).OrderBy(i => i.Span.Length).FirstOrDefault();
        return new QuoteHit(span, item);
    }

    private Folded? Lookup(RuleDocument document) =>
        _documents.GetValueOrDefault(DocumentKey.Normalize(KeyOf(document)))
        ?? _documents.GetValueOrDefault(DocumentKey.Normalize(document.Cite));

    /// <summary>The document's part of the text with line breaks, page footers and whitespace inside CJK text removed.</summary>
    private static MappedText Fold(string text, TextSpan span)
    {
        var builder = new MappedTextBuilder();
        foreach (var line in TextNormalizer.SplitLines(text))
        {
            if (line.Span.End <= span.Start || line.Span.Start >= span.End || line.IsPageFooter || line.IsBlank)
            {
                continue;
            }

            builder.AppendLine(line.Text);
        }

        return builder.ToMappedText();
    }

    private sealed record Folded(DocumentSource Source, MappedText Text);
}
