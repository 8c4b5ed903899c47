using PolicyLedger.Reading.Quantities;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// Reads one document's elements (GB/T 9704) from its lines: 主送 after the head, 成文日期 and the signature above
/// it, 主办/督办, 抄送, 印发; the title of the attached measures when the notice has no title; the documents it
/// implements (依据) from the preamble; then hands the rest of the body to the item reader.
/// </summary>
internal static class DocumentReader
{
    public static PolicyDocument Read(IReadOnlyList<SourceLine> all, int start, int end, DocumentHead? head, ReadingContext context)
    {
        var lines = all.Skip(start).Take(end - start).ToList();
        var consumed = new bool[lines.Count];
        // A head whose 文号 line opens the next document (a title, its number, the next title) has no body of its own.
        var bodyStart = head is null ? 0 : Math.Min(head.BodyStart - start, lines.Count);
        for (var i = 0; i < bodyStart; i++)
        {
            consumed[i] = true;
        }

        var addressees = ReadAddressees(lines, bodyStart, consumed);
        var firstMarker = FirstMarkerLine(lines, bodyStart);

        // 成文日期: the first date line before the measures begin; else the last date line (a signature at the end).
        var dateLines = Enumerable.Range(bodyStart, lines.Count - bodyStart)
            .Where(i => LinePatterns.StandaloneDate(lines[i].Text.Text) is not null).ToList();
        var dateLine = dateLines.Cast<int?>().FirstOrDefault(i => i < firstMarker) ?? (dateLines.Count > 0 ? dateLines[^1] : null);
        Located<DateOnly>? date = head?.Date;
        Located<string>? signature = null;
        if (dateLine is { } d)
        {
            consumed[d] = true;
            date ??= new Located<DateOnly>(LinePatterns.StandaloneDate(lines[d].Text.Text)!.Value, Whole(lines[d]).Span);
            if (d > bodyStart && LinePatterns.LooksLikeOrgan(lines[d - 1].Text.Text) && !consumed[d - 1])
            {
                consumed[d - 1] = true;
                signature = Whole(lines[d - 1]);
            }
        }

        var (sponsor, supervisor) = ReadSponsor(lines, bodyStart, consumed);
        var copyTo = ReadCopyTo(lines, bodyStart, consumed);
        var (printedBy, printedOn) = ReadPrinted(lines, bodyStart, consumed);

        Located<string>? title = head?.Title;
        if (title is null && dateLine is { } after)
        {
            title = ReadAttachmentTitle(lines, after + 1, consumed);
        }

        if (title is null && head is null)
        {
            title = ReadLeadingTitle(lines, bodyStart, firstMarker, consumed);
        }

        var body = lines.Where((_, i) => !consumed[i]).ToList();
        var blocks = BlockReader.Read(body, context);
        // Paragraphs hold every body line, joined: a lead rule or declaration broken across lines is found too.
        var rules = ClauseRules.Read(blocks);
        var years = new TimeContext(date?.Value.Year, ChineseNumerals.PlanYear(title?.Value));
        var reading = ItemReader.Read(blocks, rules, years, context);
        var basis = ReadBasis(blocks, head?.DocNumber?.Value);

        var documentSpan = TextSpan.FromBounds(lines[0].Span.Start, lines[^1].Span.End);
        return new PolicyDocument
        {
            Span = documentSpan,
            DocNumber = head?.DocNumber,
            Issuer = head?.IsReport == true ? null : head?.Issuer ?? signature,
            Title = title,
            Date = date,
            Addressees = addressees,
            Basis = basis,
            CopyTo = copyTo,
            PrintedBy = printedBy,
            PrintedOn = printedOn,
            Sponsor = sponsor,
            Supervisor = supervisor,
            Kind = head?.Kind,
            Headings = reading.Headings,
            Items = reading.Items,
            Unclassified = reading.Unclassified.Select(b => b.Text.ToSource(0, b.Text.Length)).ToList(),
        };
    }

    private static Located<string> Whole(SourceLine line) => new(line.Text.Text, line.Text.ToSource(0, line.Text.Length));

    private static int FirstMarkerLine(List<SourceLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (Marker.Read(lines[i].Text.Text) is not null)
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>主送: up to three lines right after the head, ending with a colon, split at commas only.</summary>
    private static List<Located<string>> ReadAddressees(List<SourceLine> lines, int from, bool[] consumed)
    {
        var builder = new MappedTextBuilder();
        for (var i = from; i < lines.Count && i < from + 3; i++)
        {
            var text = lines[i].Text.Text;
            if (text.Contains('。') || Marker.Read(text) is not null || LinePatterns.StandaloneDate(text) is not null)
            {
                return [];
            }

            builder.AppendLine(lines[i].Text);
            if (text.EndsWith('：') || text.EndsWith(':'))
            {
                for (var j = from; j <= i; j++)
                {
                    consumed[j] = true;
                }

                var all = builder.ToMappedText();
                return SplitList(all, 0, all.Length - 1, c => c is '，' or ',');
            }
        }

        return [];
    }

    private static List<Located<string>> SplitList(MappedText text, int start, int end, Func<char, bool> separator)
    {
        var result = new List<Located<string>>();
        foreach (var (segmentStart, segmentEnd) in Brackets.Split(text.Text, start, end, separator))
        {
            var a = segmentStart;
            var b = segmentEnd;
            while (a < b && (Cjk.IsSpace(text.Text[a]) || text.Text[a] is '：' or ':'))
            {
                a++;
            }

            while (b > a && (Cjk.IsSpace(text.Text[b - 1]) || text.Text[b - 1] is '。' or '：' or ':' or '.'))
            {
                b--;
            }

            if (b > a)
            {
                result.Add(new Located<string>(text.Text[a..b], text.ToSource(a, b - a)));
            }
        }

        return result;
    }

    private static (Located<string>?, Located<string>?) ReadSponsor(List<SourceLine> lines, int from, bool[] consumed)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var m = LinePatterns.SponsorLine().Match(lines[i].Text.Text);
            if (!m.Success)
            {
                continue;
            }

            consumed[i] = true;
            var line = lines[i].Text;
            var s = m.Groups["s"];
            var v = m.Groups["v"];
            return (new Located<string>(s.Value, line.ToSource(s.Index, s.Length)),
                v.Success ? new Located<string>(v.Value, line.ToSource(v.Index, v.Length)) : null);
        }

        return (null, null);
    }

    /// <summary>抄送：X，Y。 possibly over several lines, up to the 印发 line.</summary>
    private static List<Located<string>> ReadCopyTo(List<SourceLine> lines, int from, bool[] consumed)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var text = lines[i].Text.Text;
            if (!text.StartsWith("抄送：", StringComparison.Ordinal) && !text.StartsWith("抄送:", StringComparison.Ordinal))
            {
                continue;
            }

            var builder = new MappedTextBuilder();
            var j = i;
            for (; j < lines.Count && (j == i || !IsPrinted(lines[j].Text.Text)) && (j == i || Marker.Read(lines[j].Text.Text) is null); j++)
            {
                builder.AppendLine(lines[j].Text);
                consumed[j] = true;
            }

            var all = builder.ToMappedText();
            return SplitList(all, 3, all.Length, c => c is '，' or ',' or '、' or '。');
        }

        return [];
    }

    private static bool IsPrinted(string text) => LinePatterns.PrintedLine().IsMatch(text);

    private static (Located<string>?, Located<DateOnly>?) ReadPrinted(List<SourceLine> lines, int from, bool[] consumed)
    {
        for (var i = lines.Count - 1; i >= from; i--)
        {
            var m = LinePatterns.PrintedLine().Match(lines[i].Text.Text);
            if (!m.Success)
            {
                continue;
            }

            consumed[i] = true;
            var line = lines[i].Text;
            var by = m.Groups["by"];
            var dateGroup = m.Groups["date"];
            var dateMatch = LinePatterns.Date().Match(dateGroup.Value);
            var printedOn = dateMatch.Success && LinePatterns.ToDate(dateMatch) is { } d
                ? new Located<DateOnly>(d, line.ToSource(dateGroup.Index, dateGroup.Length))
                : null;
            return (by.Length > 0 ? new Located<string>(by.Value, line.ToSource(by.Index, by.Length)) : null, printedOn);
        }

        return (null, null);
    }

    /// <summary>The title of the measures attached to a notice: short lines without punctuation after the date.</summary>
    private static Located<string>? ReadAttachmentTitle(List<SourceLine> lines, int from, bool[] consumed)
    {
        var builder = new MappedTextBuilder();
        var count = 0;
        for (var i = from; i < lines.Count && count < 3; i++, count++)
        {
            var text = lines[i].Text.Text;
            if (consumed[i] || !IsTitleLine(text))
            {
                break;
            }

            builder.AppendLine(lines[i].Text);
        }

        if (count == 0 || builder.IsEmpty)
        {
            return null;
        }

        for (var i = from; i < from + count; i++)
        {
            consumed[i] = true;
        }

        var title = builder.ToMappedText();
        return new Located<string>(title.Text, title.ToSource(0, title.Length));
    }

    /// <summary>
    /// The title a document without a head opens with (measures published on their own, an attachment saved as a file):
    /// up to three short lines before the first heading or item, without punctuation, that end with the name of a kind
    /// of document (子市稳增长若干政策措施, or on two lines), below an attachment's label (附件2) if any. A first line that says something (为…，现提出如下
    /// 措施：) or names no kind of document (一、总体要求, 各镇人民政府) is no title.
    /// </summary>
    private static Located<string>? ReadLeadingTitle(List<SourceLine> lines, int from, int firstMarker, bool[] consumed)
    {
        var builder = new MappedTextBuilder();
        var taken = new List<int>();
        for (var i = from; i < Math.Min(firstMarker, lines.Count) && taken.Count < 3; i++)
        {
            if (consumed[i])
            {
                continue;
            }

            var text = lines[i].Text.Text;
            if (taken.Count == 0 && IsAttachmentLabel(text))
            {
                continue; // 附件, 附件2: the label above an attachment's title
            }

            if (!IsTitleLine(text))
            {
                break;
            }

            builder.AppendLine(lines[i].Text);
            taken.Add(i);
            if (LinePatterns.KindOf(text) is not null)
            {
                foreach (var t in taken)
                {
                    consumed[t] = true;
                }

                var title = builder.ToMappedText();
                return new Located<string>(title.Text, title.ToSource(0, title.Length));
            }
        }

        return null;
    }

    /// <summary>A line a title can be made of: short, with no punctuation of a sentence or clause, and no number mark (一、, 1.).</summary>
    private static bool IsTitleLine(string text) =>
        text.Length <= 40 && text.IndexOfAny(['。', '，', ',', '：', ':', '；', ';', '！', '？']) < 0 && Marker.Read(text) is null;

    /// <summary>附件, 附件1, 附件 2：, 附件二: the label of an attachment, alone on its line.</summary>
    private static bool IsAttachmentLabel(string text)
    {
        var t = text.Trim().TrimEnd('：', ':');
        return t.StartsWith("附件", StringComparison.Ordinal) && t[2..].Trim().All(c => char.IsAsciiDigit(c) || ChineseNumerals.IsHanNumeral(c));
    }

    /// <summary>依据: the document numbers cited in brackets in the paragraphs before the first heading or item.</summary>
    private static List<Located<string>> ReadBasis(List<Block> blocks, string? ownNumber)
    {
        var basis = new List<Located<string>>();
        foreach (var block in blocks)
        {
            if (block.Marker is not null)
            {
                break;
            }

            var text = block.Text;
            foreach (System.Text.RegularExpressions.Match m in LinePatterns.DocNumberInText().Matches(text.Text))
            {
                var before = m.Index > 0 ? text.Text[m.Index - 1] : ' ';
                if (before is not ('（' or '(' or '、' or '，' or ',') || m.Value == ownNumber || basis.Any(b => b.Value == m.Value))
                {
                    continue;
                }

                basis.Add(new Located<string>(m.Value, text.ToSource(m.Index, m.Length)));
            }
        }

        return basis;
    }
}
