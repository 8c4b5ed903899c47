using System.Text.RegularExpressions;

namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// Removes what is printed on every page rather than written in the document: on each page's first two and last two
/// lines, a page number (— 5 —, -12-, 3/20, 第3页共20页, Page 3; a bare 5 where it stands apart), a line that, with its digits
/// ignored, appears at the same height on those edge lines of at least half the pages (at least two): running heads and feet, Chromium's date/title header
/// and address/page footer; and a line at the very top or bottom of a page in type much smaller than the body
/// (a browser's header and footer on a one-page print) that stands apart from the body.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>Removes the furniture; true when it held a browser's footer with a web address (a printed web page).</summary>
    public static bool Remove(List<List<PdfLine>> pages, double bodySize)
    {
        var browser = false;
        var edges = pages.Select(EdgeLines).ToList();
        var repeated = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in edges.SelectMany(e => e.Select(Key).Distinct()))
        {
            repeated[key] = repeated.GetValueOrDefault(key) + 1;
        }

        var threshold = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.5));
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            var drop = edges[p]
                .Where(l => !l.IsTable && (IsPageNumberApart(l, page) || (pages.Count >= 2 && repeated[Key(l)] >= threshold)))
                .ToHashSet();
            if (page.Count >= 2)
            {
                if (IsSmallApart(page[0], page[1], bodySize))
                {
                    drop.Add(page[0]);
                }

                if (IsSmallApart(page[^1], page[^2], bodySize))
                {
                    drop.Add(page[^1]);
                }
            }

            browser |= drop.Any(l => l.Text.Contains("://", StringComparison.Ordinal));
            page.RemoveAll(drop.Contains);
        }

        return browser;
    }

    internal static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal));

    /// <summary>A line in type at most 3/4 of the body's, more than three of its own lines away from its neighbour.</summary>
    private static bool IsSmallApart(PdfLine edge, PdfLine neighbour, double bodySize) =>
        !edge.IsTable && edge.Size <= bodySize * 0.75 && Math.Abs(edge.Baseline - neighbour.Baseline) > Math.Max(edge.Size * 3, neighbour.Size * 2);

    private static List<PdfLine> EdgeLines(List<PdfLine> page) =>
        page.Count <= 4 ? page : [.. page.Take(2), .. page.TakeLast(2)];

    /// <summary>
    /// What a running head or foot has in common from page to page: its text with the digits ignored, and its place
    /// on the page (a date or signature ending two documents at different heights is not a running foot).
    /// </summary>
    private static string Key(PdfLine line) =>
        DigitsOrSpace().Replace(line.Text, m => char.IsAsciiDigit(m.Value[0]) ? "#" : string.Empty) + "@" + Math.Round(line.Baseline / 3);

    /// <summary>
    /// A page number on an edge line: "— 5 —", "第5页" and the like anywhere there; a bare number ("5") only where it
    /// stands apart from the text (a year wrapped onto the last line of a page is text).
    /// </summary>
    private static bool IsPageNumberApart(PdfLine line, List<PdfLine> page)
    {
        if (!IsPageNumber(line.Text))
        {
            return false;
        }

        if (!line.Text.Trim().All(char.IsAsciiDigit))
        {
            return true;
        }

        var index = page.IndexOf(line);
        var neighbours = new[] { index - 1, index + 1 }.Where(i => i >= 0 && i < page.Count).Select(i => page[i]);
        return neighbours.All(n => Math.Abs(n.Baseline - line.Baseline) > Math.Max(n.Size, line.Size) * 2);
    }

    [GeneratedRegex(@"^(?:[—–\-－―~·]*\d{1,4}[—–\-－―~·]*|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?|\d{1,4}/\d{1,4}|[Pp]age\d{1,4}(?:of\d{1,4})?)$", RegexOptions.None, 100)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+|\s+", RegexOptions.None, 100)]
    private static partial Regex DigitsOrSpace();
}
