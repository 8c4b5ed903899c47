using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Text;

/// <summary>
/// First stage: splits the original text into lines, marks page footers (— 5 —, - 5 -, 第 5 页), removes
/// whitespace inside CJK text ("2023 年 1 月" → "2023年1月") and keeps, for every character, its original offset.
/// Runs in one pass over the text, with no regular expressions.
/// </summary>
public static class TextNormalizer
{
    public static IReadOnlyList<SourceLine> SplitLines(string text)
    {
        var lines = new List<SourceLine>(text.Length / 40 + 1);
        var start = 0;
        var number = 1;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(['\n', '\r'], start);
            if (end < 0)
            {
                end = text.Length;
            }

            lines.Add(MakeLine(text, number++, start, end));
            if (end >= text.Length)
            {
                break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    /// <summary>Removes whitespace inside CJK text of one piece of the original and maps the rest back.</summary>
    public static MappedText Fold(string text, int start, int end)
    {
        var chars = new char[end - start];
        var map = new int[end - start + 1];
        var n = 0;
        var i = start;
        while (i < end && Cjk.IsSpace(text[i]))
        {
            i++;
        }

        var lastContent = end;
        while (lastContent > i && Cjk.IsSpace(text[lastContent - 1]))
        {
            lastContent--;
        }

        for (; i < lastContent; i++)
        {
            var c = text[i];
            if (!Cjk.IsSpace(c))
            {
                chars[n] = c;
                map[n++] = i;
                continue;
            }

            var runEnd = i;
            while (runEnd < lastContent && Cjk.IsSpace(text[runEnd]))
            {
                runEnd++;
            }

            var before = n > 0 ? chars[n - 1] : ' ';
            var after = runEnd < lastContent ? text[runEnd] : ' ';
            if (!Cjk.IsCjkLike(before) && !Cjk.IsCjkLike(after))
            {
                chars[n] = ' ';
                map[n++] = i;
            }

            i = runEnd - 1;
        }

        map[n] = n > 0 ? map[n - 1] + 1 : Math.Min(i, end);
        return new MappedText(new string(chars, 0, n), map[..(n + 1)]);
    }

    private static SourceLine MakeLine(string text, int number, int start, int end)
    {
        var leading = 0;
        while (start + leading < end && Cjk.IsSpace(text[start + leading]))
        {
            leading++;
        }

        var folded = Fold(text, start, end);
        return new SourceLine(number, TextSpan.FromBounds(start, end), folded, IsPageFooter(folded.Text), leading);
    }

    /// <summary>Page numbers that PDF extraction leaves in the text: "— 5 —", "-5-", "－ 12 －", "第 3 页". A bare number is
    /// not a footer here (a gazette cover line "2022" is text); the PDF format, which knows where a line sits on its
    /// page, removes those itself.</summary>
    public static bool IsPageFooter(string line)
    {
        var s = line.AsSpan().Trim();
        if (s.Length is 0 or > 16)
        {
            return false;
        }

        var i = 0;
        var dashesBefore = 0;
        while (i < s.Length && IsDash(s[i]))
        {
            i++;
            dashesBefore++;
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        var digitsStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var digits = i - digitsStart;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        var dashesAfter = 0;
        while (i < s.Length && IsDash(s[i]))
        {
            i++;
            dashesAfter++;
        }

        if (i == s.Length && digits is > 0 and <= 4 && dashesBefore > 0 && dashesAfter > 0)
        {
            return true;
        }

        // 第 3 页 / 第3页 共20页
        return s.StartsWith("第") && s.EndsWith("页") && s.Length <= 12 && s[1..^1].ContainsAny("0123456789".AsSpan());
    }

    private static bool IsDash(char c) => c is '—' or '-' or '－' or '–' or '―' or '─';
}
