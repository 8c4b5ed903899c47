using System.Globalization;
using System.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// Makes text taken from a PDF's text layer mean what the page shows. Fonts that hold one glyph for a radical and
/// the ideograph it looks like (Noto CJK, as Chromium embeds it) map the glyph back to the radical's code point, so
/// the text layer says ⺠ (U+2EA0) where the page shows 民 and 民政局 would not be 民政局. Mapped back here:
/// <list type="bullet">
/// <item>Kangxi radicals (U+2F00–U+2FD5, ⼀ for 一) by their Unicode decomposition (NFKC);</item>
/// <item>CJK Radicals Supplement (U+2E80–U+2EFF, ⺠ ⻔ ⻋ ⻓) by the table <c>Data/cjk-radicals-supplement.tsv</c>,
/// built from Unicode's Equivalent_Unified_Ideograph property (two radicals without an equivalent stay);</item>
/// <item>CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) by NFKC;</item>
/// <item>the three Kangxi radicals that simplified-Chinese fonts draw as 户 青 黄, and ― (U+2015, drawn as —), as the page shows them;</item>
/// <item>Latin ligatures (ﬁ ﬂ, U+FB00–U+FB06) into their letters;</item>
/// <item>control characters are removed.</item>
/// </list>
/// Full-width punctuation, digits and letters stay as written: the reader reads them as a text file has them.
/// </summary>
internal static class ExtractedText
{
    private static readonly Lazy<IReadOnlyDictionary<int, string>> Supplement = new(LoadSupplement);

    /// <summary>The CJK Radicals Supplement table: radical code point to the ideograph it stands for.</summary>
    public static IReadOnlyDictionary<int, string> RadicalsSupplement => Supplement.Value;

    public static string Repair(string text)
    {
        if (!NeedsRepair(text))
        {
            return text;
        }

        var repaired = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value is not '\n' and not '\t')
            {
                continue;
            }

            repaired.Append(Replacement(rune) ?? rune.ToString());
        }

        return repaired.ToString();
    }

    /// <summary>The look-alike characters in a text with what each stands for, and how often each occurs.</summary>
    public static IReadOnlyList<(string LookAlike, string Meant, int Count)> LookAlikes(string text) =>
        text.EnumerateRunes()
            .Select(r => (Rune: r, Meant: Replacement(r)))
            .Where(x => x.Meant is not null && IsIdeographicLookAlike(x.Rune.Value))
            .GroupBy(x => x.Rune)
            .Select(g => (g.Key.ToString(), g.First().Meant!, g.Count()))
            .OrderByDescending(x => x.Item3)
            .ToList();

    private static bool NeedsRepair(string text)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not '\n' and not '\t') || IsLookAlike(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a character stands for, or null when it stays as written.</summary>
    private static string? Replacement(Rune rune)
    {
        var value = rune.Value;
        if (Supplement.Value.TryGetValue(value, out var listed))
        {
            return listed;
        }

        if (value is >= 0x2E80 and <= 0x2EFF)
        {
            return null; // a radical without an equivalent ideograph
        }

        if (value == 0x2015)
        {
            return "\u2014"; // ― HORIZONTAL BAR: CJK fonts draw — and ― with one glyph and map it to ―; documents write —
        }

        if (value is (>= 0x2F00 and <= 0x2FD5) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F) or (>= 0xFB00 and <= 0xFB06))
        {
            var normal = rune.ToString().Normalize(NormalizationForm.FormKC);
            return normal == rune.ToString() ? null : normal;
        }

        return null;
    }

    private static bool IsLookAlike(char c) => c is (>= '\u2E80' and <= '\u2FD5') or '\u2015' or (>= '\uF900' and <= '\uFAFF') or (>= '\uFB00' and <= '\uFB06');

    private static bool IsIdeographicLookAlike(int value) => value is (>= 0x2E80 and <= 0x2FD5) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    private static Dictionary<int, string> LoadSupplement()
    {
        const string name = "PolicyLedger.Formats.cjk-radicals-supplement.tsv";
        using var stream = typeof(ExtractedText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded table {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            var radical = int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var ideograph = int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            table[radical] = char.ConvertFromUtf32(ideograph);
        }

        return table;
    }
}
