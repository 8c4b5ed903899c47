using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// Runs the reading stages over one file: lines (task tables in plain text rendered as item lines) → document heads → each document's elements → its body's
/// paragraphs → headings and items with their clauses and figures.
/// </summary>
internal static class DocumentPipeline
{
    public static IReadOnlyList<PolicyDocument> Run(ReadingContext context)
    {
        var lines = TextTableReader.Read(TextNormalizer.SplitLines(context.Text).Where(l => !l.IsBlank && !l.IsPageFooter).ToList(), context.Text);
        if (lines.Count == 0)
        {
            context.Report(DiagnosticCodes.EmptyFile());
            return [];
        }

        var heads = DocumentHeadReader.Find(lines);
        var documents = new List<PolicyDocument>();
        if (heads.Count == 0)
        {
            context.Report(DiagnosticCodes.NoDocumentFound());
            var document = DocumentReader.Read(lines, 0, lines.Count, null, context);
            documents.Add(document with { Diagnostics = context.Take(1) });
            return documents;
        }

        for (var i = 0; i < heads.Count; i++)
        {
            var end = i + 1 < heads.Count ? heads[i + 1].Start : lines.Count;
            var before = context.Diagnostics.Count;
            var document = DocumentReader.Read(lines, heads[i].Start, end, heads[i], context);
            documents.Add(document with { Diagnostics = context.Take(before) });
        }

        return documents;
    }
}
