using System.Text;
using PolicyLedger.Reading.Text;
using UglyToad.PdfPig.Content;

namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// Letters of a page into lines: letters set horizontally (text at an angle, such as a watermark, is left out unless
/// most of the page is set that way) are grouped by baseline (within 0.4 × font size), lines ordered top to bottom and
/// letters left to right, a space put where the gap between letters is over 0.25 em (0.8 em between two CJK
/// characters), and the text repaired (<see cref="ExtractedText"/>).
/// </summary>
internal static class PageLines
{
    /// <summary>The letters of a page worth reading: visible, and horizontal unless most of the page is rotated.</summary>
    public static List<Letter> Visible(Page page)
    {
        var visible = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var horizontal = visible.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
        return horizontal.Count * 2 >= visible.Count ? horizontal : visible;
    }

    public static List<PdfLine> Build(IEnumerable<Letter> letters)
    {
        var groups = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y))
        {
            var last = groups.Count > 0 ? groups[^1] : null;
            if (last is not null && Math.Abs(last[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= Size(letter) * 0.4)
            {
                last.Add(letter);
            }
            else
            {
                groups.Add([letter]);
            }
        }

        return groups.Select(Line).ToList();
    }

    private static PdfLine Line(List<Letter> group)
    {
        group.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var size = group.GroupBy(l => Math.Round(Size(l) * 2) / 2).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
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

        var red = group.Count(IsRed) * 2 > group.Count;
        return new PdfLine(ExtractedText.Repair(text.ToString()), group[0].StartBaseLine.X, group.Max(End), group[0].StartBaseLine.Y, size, red);
    }

    /// <summary>Where a letter ends: its baseline's end, or its start plus its width where the baseline has no length.</summary>
    public static double End(Letter letter) =>
        letter.EndBaseLine.X > letter.StartBaseLine.X ? letter.EndBaseLine.X : letter.StartBaseLine.X + letter.Width;

    public static double Size(Letter letter)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
        return size > 0 ? size : 10;
    }

    /// <summary>Red type (a 红头): a fill colour with much more red than green and blue.</summary>
    private static bool IsRed(Letter letter)
    {
        try
        {
            var (r, g, b) = letter.Color.ToRGBValues();
            return r > 0.55 && g < 0.35 && b < 0.35;
        }
        catch (InvalidOperationException)
        {
            return false; // a pattern or a colour space without an RGB equivalent
        }
    }
}
