using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>One part of an enumeration inside a paragraph: "二是完善设施（…）" from its mark to the next part.</summary>
internal readonly record struct EnumeratedPart(int Start, int End, int MarkLength, string Mark, int Number);

/// <summary>Finds the parts of a paragraph that enumerates its tasks: 一是…；二是…；三是….</summary>
internal static class Enumeration
{
    /// <summary>
    /// The parts in order, each from its mark to the next: the first is 一是 and each next is numbered one more, each
    /// mark opening the paragraph or following a stop or comma. Text before 一是 (a lead-in) belongs to no part.
    /// </summary>
    /// <param name="first">The number the first part has (a line opened by 三是 goes on with 四是).</param>
    public static List<EnumeratedPart> Parts(string text, int first = 1)
    {
        var marks = new List<(int At, int Length, int Number)>();
        var expected = first;
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (i > 0 && text[i - 1] is not ('。' or '；' or ';' or '，' or ',' or '：' or ':' or ' '))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && end - i < 3 && ChineseNumerals.IsNumeralChar(text[end]))
            {
                end++;
            }

            if (end == i || end >= text.Length || text[end] != '是' || ChineseNumerals.Parse(text.AsSpan(i, end - i)) != expected)
            {
                continue;
            }

            marks.Add((i, end + 1 - i, expected));
            expected++;
            i = end;
        }

        var parts = new List<EnumeratedPart>(marks.Count);
        for (var k = 0; k < marks.Count; k++)
        {
            var (at, length, number) = marks[k];
            var end = k + 1 < marks.Count ? marks[k + 1].At : text.Length;
            parts.Add(new EnumeratedPart(at, end, length, text.Substring(at, length), number));
        }

        return parts;
    }
}
