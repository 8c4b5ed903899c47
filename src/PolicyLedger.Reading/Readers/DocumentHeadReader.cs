using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>Where one document starts in a file, and what its head (版头) said.</summary>
/// <param name="Start">Index of the first content line of the document (red header, 文号, issuer or title).</param>
/// <param name="BodyStart">Index of the first content line after the head.</param>
internal sealed record DocumentHead(
    int Start,
    int BodyStart,
    Located<string>? Title,
    Located<string>? Issuer,
    Located<string>? DocNumber,
    string? Kind,
    Located<DateOnly>? Date,
    bool IsReport);

/// <summary>
/// Finds the documents in a file by their heads: a title "X关于…的通知" (on up to five lines, the issuer
/// possibly on the line above), the 文号 above or below it, a red header "X文件" above; or a report title
/// "政府工作报告" followed by "——2022年5月12日在…". Contents pages (a title followed by a page number) are not heads.
/// </summary>
internal static class DocumentHeadReader
{
    private const int MaxTitleLines = 5;

    public static IReadOnlyList<DocumentHead> Find(IReadOnlyList<SourceLine> lines)
    {
        var heads = new List<DocumentHead>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (heads.Count > 0 && i < heads[^1].BodyStart)
            {
                continue;
            }

            var head = TryReport(lines, i) ?? TryTitle(lines, i);
            if (head is not null)
            {
                heads.Add(head);
                i = head.BodyStart - 1;
            }
        }

        return heads;
    }

    private static DocumentHead? TryReport(IReadOnlyList<SourceLine> lines, int i)
    {
        var text = lines[i].Text.Text;
        if (text.Length > 20 || !text.EndsWith("工作报告", StringComparison.Ordinal) || i + 1 >= lines.Count)
        {
            return null;
        }

        var next = lines[i + 1].Text.Text;
        if (!next.StartsWith("——", StringComparison.Ordinal) && !next.StartsWith("—", StringComparison.Ordinal) && !next.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        var m = LinePatterns.Date().Match(next);
        if (!m.Success || LinePatterns.ToDate(m) is not { } date)
        {
            return null;
        }

        var title = new Located<string>(text, lines[i].Text.ToSource(0, text.Length));
        var dateSpan = lines[i + 1].Text.ToSource(m.Index, m.Length);
        return new DocumentHead(i, i + 2, title, null, null, "报告", new Located<DateOnly>(date, dateSpan), IsReport: true);
    }

    private static DocumentHead? TryTitle(IReadOnlyList<SourceLine> lines, int i)
    {
        var first = lines[i].Text.Text;
        var about = first.IndexOf("关于", StringComparison.Ordinal);
        if (about < 0 || EndsInDigitOrSentence(first))
        {
            return null;
        }

        // The part before 关于 is the issuer's name: no punctuation in it.
        var issuerInLine = first[..about];
        if (issuerInLine.Length > 30 || issuerInLine.Any(c => char.IsPunctuation(c) || Cjk.IsSpace(c)))
        {
            return null;
        }

        var builder = new MappedTextBuilder();
        var titleStart = i;
        if (about == 0 && i > 0 && LinePatterns.LooksLikeOrgan(lines[i - 1].Text.Text) && LinePatterns.StandaloneDate(lines[i - 1].Text.Text) is null)
        {
            titleStart = i - 1;
            builder.AppendLine(lines[i - 1].Text);
        }

        var last = -1;
        for (var j = i; j < lines.Count && j < i + MaxTitleLines; j++)
        {
            var line = lines[j].Text.Text;
            if (j > i && (line.Contains("关于", StringComparison.Ordinal) || EndsInDigitOrSentence(line) || Marker.Read(line) is not null || line.Length > 40))
            {
                return null;
            }

            if (j > i && LinePatterns.IsDocNumber(line))
            {
                return null;
            }

            builder.AppendLine(lines[j].Text);
            if (LinePatterns.KindOf(line) is not null)
            {
                last = j;
                break;
            }
        }

        if (last < 0)
        {
            return null;
        }

        // A contents page: the title is followed by its page number.
        if (last + 1 < lines.Count && LinePatterns.TocLeader().IsMatch(lines[last + 1].Text.Text))
        {
            return null;
        }

        var titleText = builder.ToMappedText();
        var title = new Located<string>(titleText.Text, titleText.ToSource(0, titleText.Length));
        var issuerEnd = titleText.Text.IndexOf("关于", StringComparison.Ordinal);
        Located<string>? issuer = issuerEnd > 0
            ? new Located<string>(titleText.Text[..issuerEnd], titleText.ToSource(0, issuerEnd))
            : null;

        // 文号 and red header above the title; 文号 below it (as in gazettes).
        var start = titleStart;
        Located<string>? docNumber = null;
        if (start > 0 && LinePatterns.IsDocNumber(lines[start - 1].Text.Text))
        {
            docNumber = Whole(lines[start - 1]);
            start--;
        }

        if (start > 0 && LinePatterns.IsRedHeader(lines[start - 1].Text.Text))
        {
            start--;
        }

        var bodyStart = last + 1;
        if (docNumber is null && bodyStart < lines.Count && LinePatterns.IsDocNumber(lines[bodyStart].Text.Text))
        {
            docNumber = Whole(lines[bodyStart]);
            bodyStart++;
        }

        return new DocumentHead(start, bodyStart, title, issuer, docNumber, LinePatterns.KindOf(titleText.Text), null, IsReport: false);
    }

    private static Located<string> Whole(SourceLine line) => new(line.Text.Text, line.Text.ToSource(0, line.Text.Length));

    private static bool EndsInDigitOrSentence(string line) =>
        line.Length == 0 || char.IsAsciiDigit(line[^1]) || line[^1] is '。' or '，' or ',' or '；' or '：' or ':';
}
