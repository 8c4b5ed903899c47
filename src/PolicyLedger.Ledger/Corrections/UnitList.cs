using PolicyLedger.Reading.Text;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>
/// Reads a list of units as a reviewer types it: names separated by 、，,；; outside brackets, so
/// "各县（市、区）人民政府" stays one name; an empty text is an empty list (it clears the role). A list that cannot be
/// meant as unit names is refused with the reason: unbalanced brackets, an empty name between separators, a clause
/// label or a sentence instead of names, a name of digits only, a name too long to be one.
/// </summary>
public static class UnitList
{
    /// <summary>Longer than this, a "name" is a sentence.</summary>
    public const int MaxName = 30;

    private static readonly string[] Labels = ["牵头单位", "责任单位", "配合单位", "牵头部门", "责任部门", "配合部门"];

    public static (IReadOnlyList<string> Names, string? Problem) Parse(string? text)
    {
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            return ([], null);
        }

        var depth = 0;
        foreach (var c in s)
        {
            if (Cjk.IsOpenBracket(c))
            {
                depth++;
            }
            else if (Cjk.IsCloseBracket(c) && --depth < 0)
            {
                return ([], "括号不成对");
            }
        }

        if (depth != 0)
        {
            return ([], "括号不成对");
        }

        if (Labels.FirstOrDefault(l => s.Contains(l, StringComparison.Ordinal)) is { } label)
        {
            return ([], $"含有“{label}”：只写单位名称，角色由选项决定（--lead、--responsible、--cooperating）");
        }

        var names = new List<string>();
        foreach (var (start, end) in Brackets.Split(s, 0, s.Length, c => c is '、' or '，' or ',' or '；' or ';'))
        {
            var name = Fold(s[start..end]);
            if (name.Length == 0)
            {
                return ([], "有空的名称（两个分隔符相连，或以分隔符开头、结尾）");
            }

            if (name.IndexOfAny(['。', '：', ':', '！', '？', '!', '?', '"', '“', '”']) >= 0)
            {
                return ([], $"“{name}”含有句读或引号，不像单位名称");
            }

            if (name.Length > MaxName)
            {
                return ([], $"“{name[..12]}…”长 {name.Length} 字，不像一个单位名称（多个单位请用“、”分开）");
            }

            if (name.All(c => char.IsAsciiDigit(c) || char.IsPunctuation(c)))
            {
                return ([], $"“{name}”不是单位名称");
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return (names, null);
    }

    /// <summary>Whitespace beside Chinese characters goes (县 财政局 → 县财政局); elsewhere a run of it is one space.</summary>
    private static string Fold(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var t = text.Trim();
        for (var i = 0; i < t.Length; i++)
        {
            if (!Cjk.IsSpace(t[i]))
            {
                builder.Append(t[i]);
                continue;
            }

            var next = i;
            while (next < t.Length && Cjk.IsSpace(t[next]))
            {
                next++;
            }

            if (builder.Length > 0 && next < t.Length && !Cjk.IsCjkLike(builder[^1]) && !Cjk.IsCjkLike(t[next]))
            {
                builder.Append(' ');
            }

            i = next - 1;
        }

        return builder.ToString();
    }
}
