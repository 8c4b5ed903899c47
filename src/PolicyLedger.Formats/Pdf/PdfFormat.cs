using PolicyLedger.Formats.Pdf;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;
using UglyToad.PdfPig;

namespace PolicyLedger.Formats;

/// <summary>
/// PDF files with a text layer, read in steps (folder <c>Pdf/</c>): letters into lines with their positions, sizes and
/// colour, look-alike radicals mapped back (<see cref="PageLines"/>, <see cref="ExtractedText"/>); ruled tables into
/// rows and cells (<see cref="PdfTables"/>); page numbers, running heads and a browser's header and footer removed
/// (<see cref="PageFurniture"/>); a printed web page's site around the article left out (<see cref="PrintedWebPage"/>);
/// lines joined into paragraphs from the layout (<see cref="ParagraphJoiner"/>).
/// A PDF without a text layer (a scan) is an error that says so; pages of images only among pages with text (scanned
/// pages in a typed document) are reported as a warning naming them (PL106).
/// </summary>
public sealed class PdfFormat : ISourceFormat
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public SourceText Load(string fileName, Stream content) => SourceFormats.Guard("PDF", () => Read(fileName, content));

    /// <summary>Whether a line is nothing but a page number (— 5 —, -12-, 第3页共20页, 3/20).</summary>
    public static bool IsPageNumber(string text) => PageFurniture.IsPageNumber(text);

    private static SourceText Read(string fileName, Stream content)
    {
        using var buffer = SourceFormats.Buffer(content);
        // What PdfPig reads from each page; a failure here is the file's (damaged, encrypted), not the reading's.
        var read = new List<(List<UglyToad.PdfPig.Content.Letter> Letters, List<PdfTables.Ruling> Rulings, bool Images)>();
        try
        {
            using var document = PdfDocument.Open(buffer.ToArray());
            foreach (var page in document.GetPages())
            {
                read.Add((PageLines.Visible(page), PdfTables.Rulings(page), page.GetImages().Any()));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e.GetType().Name.Contains("Encrypted", StringComparison.Ordinal)
                ? "the PDF is encrypted and cannot be read without its password"
                : $"not a readable PDF file, it may be corrupt or truncated ({e.Message})";
            throw new SourceFormatException(reason, e);
        }

        var pages = new List<List<PdfLine>>();
        var scanned = new List<int>();
        foreach (var (letters, rulings, images) in read)
        {
            var (tables, rest) = PdfTables.Read(rulings, letters);
            pages.Add(PdfTables.Place(PageLines.Build(rest), tables));
            if (pages[^1].Count == 0 && images)
            {
                scanned.Add(pages.Count);
            }
        }

        if (pages.Count == 0)
        {
            throw new SourceFormatException("the PDF has no pages");
        }

        var blank = pages.Select((p, i) => (Lines: p, Number: i + 1)).Where(p => p.Lines.Count == 0).Select(p => p.Number).ToList();
        if (blank.Count == pages.Count)
        {
            throw new SourceFormatException(
                $"the PDF has no text layer ({pages.Count} page{(pages.Count == 1 ? "" : "s")} of images only, probably a scan); run it through OCR first");
        }

        var bodySize = pages.SelectMany(p => p).Where(l => !l.IsTable)
            .GroupBy(l => l.Size).OrderByDescending(g => g.Sum(l => l.Text.Length)).Select(g => g.Key).DefaultIfEmpty(10).First();
        if (PageFurniture.Remove(pages, bodySize))
        {
            PrintedWebPage.Trim(pages);
        }

        PdfTables.Render(pages, bodySize);
        var diagnostics = scanned.Count == 0 ? [] : new[] { DiagnosticCodes.PagesWithoutText(scanned) };
        return new SourceText(fileName, ParagraphJoiner.Join(pages), null, diagnostics);
    }
}
