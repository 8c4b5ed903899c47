using PolicyLedger.Cli.Commands;
using PolicyLedger.Formats;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Compares the reading of a file in some format with the reading of the same content as plain text: the same
/// items (id, number, text) with the same roles. Written against whatever the text reader reads, so the
/// comparison holds as the reader improves.
/// </summary>
internal static class Agreement
{
    public static PolicyReader Reader { get; } = Readers.Create();

    public static ReadResult Read(string fileName, byte[] bytes) => Reader.Read(Reader.Loader.Load(fileName, new MemoryStream(bytes)));

    public static ReadResult ReadText(string text) => Reader.ReadText("same.txt", text);

    /// <summary>Each item as one line: document, id, number, text and roles.</summary>
    public static IReadOnlyList<string> Items(ReadResult result) =>
        result.Documents.SelectMany((d, i) => d.Items.Select(item =>
            $"{i}|{item.Id}|{item.Number}|{item.Text}|{string.Join("；", item.Roles.Select(r => $"{r.Role}:{r.Mention}"))}")).ToList();

    /// <summary>The lines of a text with whitespace inside CJK text folded, empty lines and page numbers dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        TextNormalizer.SplitLines(text)
            .Where(l => !l.IsBlank && !l.IsPageFooter && !PdfFormat.IsPageNumber(l.Text.Text))
            .Select(l => l.Text.Text)
            .ToList();

    /// <summary>Asserts the format reading equals the text reading, and that every span points into the format's text.</summary>
    public static void AssertSameReading(ReadResult text, ReadResult format)
    {
        Assert.False(format.HasErrors, string.Join("\n", format.Diagnostics));
        Assert.Equal(Items(text), Items(format));
        Assert.Equal(text.Documents.Count, format.Documents.Count);
        foreach (var item in format.Documents.SelectMany(d => d.Items))
        {
            Assert.InRange(item.Span.Start, 0, format.Text.Length);
            Assert.InRange(item.Span.End, item.Span.Start, format.Text.Length);
            var folded = TextNormalizer.Fold(format.Text, item.Span.Start, item.Span.End).Text;
            var opening = item.Text.Length > 4 ? item.Text[..4] : item.Text;
            Assert.Contains(opening, folded, StringComparison.Ordinal);
            foreach (var role in item.Roles)
            {
                Assert.InRange(role.Span.End, role.Span.Start, format.Text.Length);
            }
        }
    }
}
