using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>Runs the reading stages over one file's text.</summary>
internal static class DocumentPipeline
{
    public static IReadOnlyList<PolicyDocument> Run(ReadingContext context)
    {
        var lines = TextNormalizer.SplitLines(context.Text);
        context.Report(DiagnosticCodes.NoDocumentFound());
        return [new PolicyDocument { Span = new TextSpan(0, context.Text.Length) }];
    }
}
