using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Quotes;

/// <summary>Turns a reading of a file into the document texts quotes are checked against.</summary>
public static class DocumentSources
{
    /// <summary>One <see cref="DocumentSource"/> per document of the file, keyed as the ledger keys it.</summary>
    public static IEnumerable<DocumentSource> From(ReadResult reading)
    {
        var name = Path.GetFileName(reading.File);
        for (var i = 0; i < reading.Documents.Count; i++)
        {
            var document = reading.Documents[i];
            yield return new DocumentSource(
                DocumentKey.Of(document, name, i),
                $"{name}（{DocumentKey.Of(document, name, i)}）",
                reading.Text,
                document.Span,
                document.Items.Select(item => new ItemExtent(item.Id, item.Number, item.Span)).ToList());
        }
    }
}
