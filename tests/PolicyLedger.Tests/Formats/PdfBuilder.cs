using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Writer;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Writes real PDF files with PdfPig and a Chinese TrueType font, laid out like a printed government document:
/// A4, paragraphs with a two-character first-line indent, justified lines wrapped at the right margin, a running head
/// on every page and a page number "— N —" at the foot.
/// </summary>
internal sealed class PdfBuilder
{
    /// <summary>
    /// The font CI installs (Debian package fonts-arphic-gbsn00lp: AR PL SungtiL GB, GB2312 with ASCII); POLICYLEDGER_CJK_FONT
    /// overrides it. (DroidSansFallbackFull.ttf fails PdfPig 0.1.16's subsetter and lacks ASCII; .ttc files cannot be embedded.)
    /// </summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    private const double FontSize = 14;
    private const double Left = 72;
    private const double Right = 595 - 72;
    private const double Top = 760;
    private const double Bottom = 80;
    private const double LineHeight = 24;

    /// <summary>PdfPig writes a TrueType font with a one-byte encoding, so one embedded copy holds at most ~250 characters.</summary>
    private const int CharactersPerFont = 240;

    private static readonly Lazy<byte[]> FontBytes = new(Font);

    private readonly Dictionary<string, double> _widths = new(StringComparer.Ordinal);
    private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Characters)> _fonts = [];

    public string? RunningHead { get; init; }

    public bool PageNumbers { get; init; } = true;

    /// <summary>Text printed across each page at 45° (内部资料 …), as offices stamp their copies.</summary>
    public string? Watermark { get; init; }

    /// <summary>The font's bytes; fails the test with the package to install when the font is missing.</summary>
    public static byte[] Font()
    {
        var path = Environment.GetEnvironmentVariable("POLICYLEDGER_CJK_FONT") is { Length: > 0 } configured ? configured : DefaultFontPath;
        if (!File.Exists(path))
        {
            Assert.Fail($"the Chinese TrueType font {path} is missing: install the Debian package fonts-arphic-gbsn00lp (.ci/run installs it) or set POLICYLEDGER_CJK_FONT to a .ttf with CJK glyphs");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>One PDF; each string is a paragraph (an empty one leaves a blank line).</summary>
    public byte[] Build(IEnumerable<string> paragraphs)
    {
        using var builder = new PdfDocumentBuilder();
        _fonts.Clear();
        _widths.Clear();
        PdfPageBuilder? page = null;
        var y = 0.0;
        var pageNumber = 0;

        void NewPage()
        {
            page = builder.AddPage(PageSize.A4);
            pageNumber++;
            if (RunningHead is not null)
            {
                AddText(builder, page, RunningHead, 10, Left, 800);
            }

            if (PageNumbers)
            {
                AddText(builder, page, $"— {pageNumber} —", 12, 280, 40);
            }

            if (Watermark is not null)
            {
                var (cos, sin) = (Math.Cos(Math.PI / 4), Math.Sin(Math.PI / 4));
                page.CurrentStream.Operations.Add(Push.Value);
                page.CurrentStream.Operations.Add(new ModifyCurrentTransformationMatrix([cos, sin, -sin, cos, 180, 300]));
                AddText(builder, page, Watermark, 40, 0, 0);
                page.CurrentStream.Operations.Add(Pop.Value);
            }

            y = Top;
        }

        NewPage();
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Trim(' ', '\t', '\u3000', '\r');
            if (text.Length == 0)
            {
                y -= LineHeight / 2;
                continue;
            }

            var units = Units(text);
            var i = 0;
            var indent = FontSize * 2;
            while (i < units.Count)
            {
                if (y < Bottom)
                {
                    NewPage();
                }

                // A space where a line breaks is not printed at the start of the next line.
                while (indent == 0 && i < units.Count && string.IsNullOrWhiteSpace(units[i]))
                {
                    i++;
                }

                var line = new List<(string Unit, double Width)>();
                var width = indent;
                while (i < units.Count)
                {
                    var w = Width(builder, page!, units[i]);
                    if (line.Count > 0 && width + w > Right - Left)
                    {
                        break;
                    }

                    line.Add((units[i], w));
                    width += w;
                    i++;
                }

                var last = i >= units.Count;
                var gap = last || line.Count < 2 ? 0 : (Right - Left - width) / (line.Count - 1);
                var x = Left + indent;
                foreach (var (unit, w) in line)
                {
                    AddText(builder, page!, unit, FontSize, x, y);
                    x += w + gap;
                }

                y -= LineHeight;
                indent = 0;
            }
        }

        return builder.Build();
    }

    /// <summary>Runs of printable ASCII stay together (printers do not break "6.5%" or "PEOPLE'S"); other characters stand alone.</summary>
    private static List<string> Units(string text)
    {
        var units = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            while (j < text.Length && text[j] is > ' ' and <= '~')
            {
                j++;
            }

            if (j == i)
            {
                j = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? i + 2 : i + 1;
            }

            units.Add(text[i..j]);
            i = j;
        }

        return units;
    }

    /// <summary>Writes a piece of text with an embedded copy of the font that holds (or has room for) its characters.</summary>
    private void AddText(PdfDocumentBuilder builder, PdfPageBuilder page, string text, double size, double x, double y)
    {
        var start = 0;
        foreach (var piece in text.Split(' '))
        {
            if (piece.Length > 0)
            {
                page.AddText(piece, size, new PdfPoint(x + start * size * 0.5, y), FontFor(builder, piece));
            }

            start += piece.Length + 1;
        }
    }

    private PdfDocumentBuilder.AddedFont FontFor(PdfDocumentBuilder builder, string text)
    {
        foreach (var (font, characters) in _fonts)
        {
            var missing = text.Count(c => !characters.Contains(c));
            if (characters.Count + missing <= CharactersPerFont)
            {
                characters.UnionWith(text);
                return font;
            }
        }

        var added = builder.AddTrueTypeFont(FontBytes.Value);
        _fonts.Add((added, [.. text]));
        return added;
    }

    private double Width(PdfDocumentBuilder builder, PdfPageBuilder page, string unit)
    {
        if (!_widths.TryGetValue(unit, out var width))
        {
            var letters = page.MeasureText(unit, FontSize, new PdfPoint(0, 0), FontFor(builder, unit));
            width = letters.Count == 0 ? 0 : letters.Max(l => l.EndBaseLine.X) - letters[0].StartBaseLine.X; // (the writer's Letter.Width is not the glyph's width)
            _widths[unit] = width;
        }

        return width;
    }
}
