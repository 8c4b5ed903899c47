using System.Text;
using PolicyLedger.Reading.Readers;

namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// Joins the lines of the pages (furniture already removed) into the text the reader reads, using the layout: a line
/// continues the one above when that one was wrapped (this line's start would not have fitted at its end, see
/// <see cref="LineBreaks"/>) and this one starts at the left margin in the same
/// type, without a paragraph's spacing between them; then the two are joined with nothing between them (a space only
/// between two ASCII letters or digits). Otherwise a line break separates them. In particular:
/// <list type="bullet">
/// <item>a line that starts with a number mark (一、 （一） 1. （1） 第X条 …) starts a line of its own, whether or not the
/// line above ended a sentence: the reader decides, from the numbering, whether it opens an item (a mark followed by
/// a digit, "8．2023年…" or a wrapped "29.1%", only after a finished sentence);</item>
/// <item>an indented or centred line (a paragraph's first line, a heading) and a line in another size or colour start
/// a line of their own, so a centred heading stays a heading;</item>
/// <item>a table row is a line of its own;</item>
/// <item>where the document marks paragraphs neither by a first-line indent nor by spacing, a full line that ends a
/// sentence ends the paragraph (the reader joins broken sentences again);</item>
/// <item>a paragraph going on over a page break is joined like any other.</item>
/// </list>
/// </summary>
internal static class ParagraphJoiner
{
    public static string Join(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        var layout = Layout.Of(pages);
        var text = new StringBuilder();
        PdfLine? previous = null;
        var previousPage = -1;
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var line in pages[p])
            {
                if (previous is not null)
                {
                    if (Continues(previous, line, samePage: previousPage == p, layout))
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
                previous = line;
                previousPage = p;
            }
        }

        return text.ToString();
    }

    private static bool Continues(PdfLine previous, PdfLine line, bool samePage, Layout layout)
    {
        if (previous.IsTable || line.IsTable || previous.Red != line.Red || Math.Abs(previous.Size - line.Size) >= Math.Max(1, line.Size * 0.12))
        {
            return false;
        }

        if (!layout.IsWrapped(previous, line) || layout.IsIndented(line) || NumberMarks.StartsWithMark(line.Text)
            || (EndsSentence(previous.Text) && NumberMarks.StartsWithMark(line.Text, evenBeforeDigit: true))
            || IsPageMark(line.Text) || IsPageMark(previous.Text))
        {
            return false;
        }

        if (samePage && layout.IsSpaced(previous, line))
        {
            return false;
        }

        // Without indents or spacing a full line that ends a sentence may end its paragraph; a line break is the
        // safer reading (the reader joins a sentence broken over lines, but cannot split a paragraph joined wrongly).
        return layout.Indents || layout.Spacing || !EndsSentence(previous.Text);
    }

    /// <summary>A page number left in the text (— 5 —, 第5页), not a bare number (a year wrapped onto a line of its own).</summary>
    private static bool IsPageMark(string text) => PageFurniture.IsPageNumber(text) && !text.All(char.IsAsciiDigit);

    /// <summary>A line ending a sentence, a bracket (a clause) or a colon (主送, a label).</summary>
    private static bool EndsSentence(string text) => text[^1] is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '）' or ')' or '：' or ':';

    /// <summary>
    /// The page layout as the lines show it: the left and right margins, the usual distance between
    /// the lines of a paragraph for each type size, and whether paragraphs are marked by a first-line indent or by
    /// extra spacing.
    /// </summary>
    private sealed class Layout
    {
        private readonly Dictionary<int, (double Left, double Right)> _margins = [];
        private readonly Dictionary<double, double> _pitch = [];

        public bool Indents { get; private set; }

        public bool Spacing { get; private set; }

        private Layout()
        {
        }

        public static Layout Of(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
        {
            var layout = new Layout();
            var body = pages.SelectMany(p => p).Where(l => !l.IsTable).ToList();
            if (body.Count == 0)
            {
                return layout;
            }

            // Margins: the leftmost position at least two lines start at (first lines are indented); the right edge
            // most long lines reach (the 90th percentile of the right edges of lines wider than half the widest).
            var widest = body.Max(l => l.Width);
            var starts = body.GroupBy(l => Math.Round(l.Left)).ToList();
            var left = starts.Where(g => g.Count() >= 2).Select(g => g.Key).DefaultIfEmpty(starts.Min(g => g.Key)).Min();
            var rights = body.Where(l => l.Width >= widest / 2).Select(l => l.Right).Order().ToList();
            var right = rights[(int)Math.Floor((rights.Count - 1) * 0.9)];
            layout._margins[0] = (left, right);

            // Line pitch per size, from the baseline distances between neighbouring lines of that size.
            foreach (var page in pages)
            {
                for (var i = 1; i < page.Count; i++)
                {
                    if (!page[i].IsTable && !page[i - 1].IsTable && page[i].Size == page[i - 1].Size)
                    {
                        var gap = Math.Round(page[i - 1].Baseline - page[i].Baseline);
                        if (gap > 0)
                        {
                            layout.Gaps(page[i].Size).Add(gap);
                        }
                    }
                }
            }

            // The pitch is the smallest distance that is common (a tenth of the distances, at least two): where most
            // paragraphs are one line long, the most common distance is the paragraph spacing.
            foreach (var (size, gaps) in layout._gaps)
            {
                var common = gaps.GroupBy(g => g).Where(g => g.Count() >= Math.Max(2, gaps.Count / 10)).Select(g => g.Key).ToList();
                layout._pitch[size] = common.Count > 0 ? common.Min() : gaps.Min();
            }

            // Paragraph marks: lines that surely open a paragraph (after a line that stops short of the margin) are
            // mostly indented, or mostly set apart by more than the line pitch.
            var opened = 0;
            var indented = 0;
            var spaced = 0;
            foreach (var page in pages)
            {
                for (var i = 1; i < page.Count; i++)
                {
                    var (above, line) = (page[i - 1], page[i]);
                    if (above.IsTable || line.IsTable || above.Size != line.Size || layout.IsWrapped(above, line) || NumberMarks.StartsWithMark(line.Text))
                    {
                        continue;
                    }

                    opened++;
                    indented += layout.IsIndented(line) && line.Left < left + line.Size * 4 ? 1 : 0;
                    spaced += layout.IsSpaced(above, line) ? 1 : 0;
                }
            }

            layout.Indents = opened >= 2 && indented * 2 > opened;
            layout.Spacing = opened >= 2 && spaced * 2 > opened;
            return layout;
        }

        private readonly Dictionary<double, List<double>> _gaps = [];

        private List<double> Gaps(double size) => _gaps.TryGetValue(size, out var list) ? list : _gaps[size] = [];

        /// <summary>The line was wrapped: the start of the next line would not have fitted at its end.</summary>
        public bool IsWrapped(PdfLine line, PdfLine next) => LineBreaks.Wrapped(line, next.Text, _margins[0].Right);

        public bool IsIndented(PdfLine line) => line.Left > _margins[0].Left + line.Size * 0.5;

        /// <summary>More than the usual line distance between two lines (a paragraph's spacing), on one page.</summary>
        public bool IsSpaced(PdfLine above, PdfLine line) =>
            _pitch.TryGetValue(line.Size, out var pitch) && above.Baseline - line.Baseline > pitch * 1.3 + 0.5;
    }
}
