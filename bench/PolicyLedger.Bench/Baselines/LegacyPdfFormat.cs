using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Text;
using PolicyLedger.Formats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PolicyLedger.Bench.Baselines;

/// <summary>
/// The PDF reading as it was before issue 16 (commit f96528a), kept unchanged as the baseline the PDF benchmark compares
/// the current reading with in the same run. Not used anywhere else.
/// PDF files with a text layer. Letters are grouped into lines by baseline and lines ordered top to bottom; page
/// numbers (— 5 —, 第5页) and running heads (a line that repeats at the top or bottom of most pages) are removed;
/// a line that runs to the right margin is joined with the next one when that one is not indented, so paragraphs
/// come out on one line, across pages too; text set at an angle (watermarks) is left out; look-alike radicals are mapped back to ideographs (see <see cref="ExtractedText"/>).
/// A PDF without a text layer (a scan) is an error that says so.
/// </summary>
public sealed partial class LegacyPdfFormat : ISourceFormat
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public SourceText Load(string fileName, Stream content) => Read(fileName, content);

    private SourceText Read(string fileName, Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var pages = new List<List<PdfLine>>();
        try
        {
            using var document = PdfDocument.Open(buffer.ToArray());
            foreach (var page in document.GetPages())
            {
                pages.Add(Lines(page));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e.GetType().Name.Contains("Encrypted", StringComparison.Ordinal)
                ? "the PDF is encrypted and cannot be read without its password"
                : $"not a readable PDF file, it may be corrupt or truncated ({e.Message})";
            throw new SourceFormatException(reason, e);
        }

        if (pages.Count == 0)
        {
            throw new SourceFormatException("the PDF has no pages");
        }

        if (pages.All(p => p.Count == 0))
        {
            throw new SourceFormatException(
                $"the PDF has no text layer ({pages.Count} page{(pages.Count == 1 ? "" : "s")} of images only, probably a scan); run it through OCR first");
        }

        RemovePageFurniture(pages);
        return new SourceText(fileName, Repair(Join(pages.SelectMany(p => p).ToList())), null, []);
    }

    /// <summary>One line of a page: its text, left and right edges, baseline and font size.</summary>
    internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size);

    private static List<PdfLine> Lines(Page page)
    {
        // Text at an angle (a watermark across the page, a stamp) is not part of the body, unless most of the page
        // is set that way (a page whose whole text is rotated).
        var visible = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var horizontal = visible.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
        var letters = (horizontal.Count * 2 >= visible.Count ? horizontal : visible)
            .OrderByDescending(l => l.StartBaseLine.Y)
            .ToList();
        var groups = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            var size = Size(letter);
            var last = groups.Count > 0 ? groups[^1] : null;
            if (last is not null && Math.Abs(last[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= size * 0.4)
            {
                last.Add(letter);
            }
            else
            {
                groups.Add([letter]);
            }
        }

        var lines = new List<PdfLine>(groups.Count);
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var size = group.Select(Size).Max();
            var text = new StringBuilder();
            Letter? previous = null;
            foreach (var letter in group)
            {
                if (previous is not null)
                {
                    var gap = letter.StartBaseLine.X - End(previous);
                    var bothCjk = Cjk.IsCjkLike(previous.Value[^1]) && Cjk.IsCjkLike(letter.Value[0]);
                    if (gap > size * (bothCjk ? 0.8 : 0.25))
                    {
                        text.Append(' ');
                    }
                }

                text.Append(letter.Value);
                previous = letter;
            }

            var right = group.Max(End);
            lines.Add(new PdfLine(text.ToString(), group[0].StartBaseLine.X, right, group[0].StartBaseLine.Y, size));
        }

        return lines;
    }

    /// <summary>Where a letter ends: its baseline's end, or its start plus its width where the baseline has no length.</summary>
    private static double End(Letter letter) =>
        letter.EndBaseLine.X > letter.StartBaseLine.X ? letter.EndBaseLine.X : letter.StartBaseLine.X + letter.Width;

    private static double Size(Letter letter)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
        return size > 0 ? size : 10;
    }

    /// <summary>Removes page numbers anywhere on a page's first or last lines, and running heads and feet.</summary>
    internal static void RemovePageFurniture(List<List<PdfLine>> pages)
    {
        var edges = pages.Select(EdgeLines).ToList();
        var repeated = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in edges.SelectMany(e => e.Select(l => FurnitureKey(l.Text)).Distinct()))
        {
            repeated[key] = repeated.GetValueOrDefault(key) + 1;
        }

        var threshold = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.5));
        for (var p = 0; p < pages.Count; p++)
        {
            var drop = edges[p]
                .Where(l => IsPageNumber(l.Text) || (pages.Count >= 2 && repeated[FurnitureKey(l.Text)] >= threshold))
                .ToHashSet();
            pages[p].RemoveAll(drop.Contains);
        }
    }

    private static List<PdfLine> EdgeLines(List<PdfLine> page) =>
        page.Count <= 4 ? page : [.. page.Take(2), .. page.TakeLast(2)];

    private static string FurnitureKey(string text) => DigitsOrSpace().Replace(text, m => char.IsAsciiDigit(m.Value[0]) ? "#" : string.Empty);

    internal static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal));

    /// <summary>
    /// The kept lines as text: a line that reaches the right margin continues into a next line that is not indented
    /// (so a paragraph comes out as one line); otherwise lines are separated by "\n".
    /// </summary>
    internal static string Join(IReadOnlyList<PdfLine> lines)
    {
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        // The left margin: the leftmost position at least two lines start at (first lines of paragraphs are indented).
        var starts = lines.GroupBy(l => Math.Round(l.Left)).ToList();
        var left = starts.Where(g => g.Count() >= 2).Select(g => g.Key).DefaultIfEmpty(starts.Min(g => g.Key)).Min();
        var right = lines.Max(l => l.Right);
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                var previous = lines[i - 1];
                var full = previous.Right >= right - previous.Size * 1.5;
                var flush = line.Left <= left + line.Size * 0.5;
                if (full && flush && Math.Abs(previous.Size - line.Size) < 1)
                {
                    if (char.IsAsciiLetterOrDigit(previous.Text[^1]) && char.IsAsciiLetterOrDigit(line.Text[0]))
                    {
                        text.Append(' ');
                    }
                }
                else
                {
                    text.Append('\n');
                }
            }

            text.Append(line.Text);
        }

        return text.ToString();
    }

    /// <summary>The old repair: Kangxi radicals, the radicals supplement and compatibility ideographs by NFKC, controls removed.</summary>
    private static string Repair(string text)
    {
        var repaired = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                continue;
            }

            var lookAlike = c is (>= '\u2F00' and <= '\u2FD5') or (>= '\u2E80' and <= '\u2EF3') or (>= '\uF900' and <= '\uFAFF');
            repaired.Append(lookAlike ? c.ToString().Normalize(NormalizationForm.FormKC) : c.ToString());
        }

        return repaired.ToString();
    }

    [GeneratedRegex(@"^(?:[—–\-－―~·]*\d{1,4}[—–\-－―~·]*|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?|\d{1,4}/\d{1,4}|[Pp]age\d{1,4}(?:of\d{1,4})?)$", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+|\s+", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex DigitsOrSpace();
}
