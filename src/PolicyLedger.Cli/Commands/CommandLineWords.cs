using System.Text;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// System.CommandLine's own words in Chinese where its zh-Hans resources leave them in English (3.0.0 translates the
/// headings 用法、参数、选项、命令 and some errors, but not "Description:", "[options]", "(REQUIRED)", "[default: …]", a
/// missing required option, a value of the wrong type, a mistyped command) or write them awkwardly ("。.", “'x'”).
/// Applied to the help and the parse errors System.CommandLine prints under the zh-Hans UI culture; English output is
/// left as it is. A test checks every pattern against the package's own English resource strings.
/// </summary>
internal static class CommandLineWords
{
    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexDefaults.TimeoutMilliseconds));

    private const string Suggestions = @"(?<more> Did you mean one of the following\?)?$";

    /// <summary>One message per line: a line that matches is rewritten whole.</summary>
    private static readonly (Regex English, Func<Match, string> Chinese)[] Errors =
    [
        (R(@"^Option '(?<o>.+)' is required\.$"), m => $"缺少必填选项 {m.Groups["o"].Value}。"),
        (R(@"^Option '(?<o>.+)' expects a single argument but (?<n>\d+) were provided\.$"), m => $"选项 {m.Groups["o"].Value} 只能给一个值，却给了 {m.Groups["n"].Value} 个。"),
        (R(@"^Cannot parse argument '(?<v>.*)' for option '(?<o>.+)' as expected type '(?<t>.+)'\." + Suggestions),
            m => $"选项 {m.Groups["o"].Value} 的值“{m.Groups["v"].Value}”不是{Kind(m.Groups["t"].Value)}。{More(m)}"),
        (R(@"^Cannot parse argument '(?<v>.*)' for command '(?<c>.+)' as expected type '(?<t>.+)'\." + Suggestions),
            m => $"命令 {m.Groups["c"].Value} 的参数“{m.Groups["v"].Value}”不是{Kind(m.Groups["t"].Value)}。{More(m)}"),
        (R(@"^Cannot parse argument '(?<v>.*)' as expected type '(?<t>.+)'\.$"), m => $"参数“{m.Groups["v"].Value}”不是{Kind(m.Groups["t"].Value)}。"),
        (R(@"^'(?<v>.*)' was not matched\. Did you mean one of the following\?$"), m => $"无法识别“{m.Groups["v"].Value}”。是否指以下之一？"),
        (R(@"^Character not allowed in a file name: '(?<v>.*)'\.$"), m => $"文件名中不允许的字符：“{m.Groups["v"].Value}”。"),
        (R(@"^(?<o>.+) option cannot be combined with other arguments\.$"), m => $"选项 {m.Groups["o"].Value} 不能与其他参数同用。"),
        (R(@"^未提供必需的命令。\.$"), _ => "未指定命令。"),
        (R(@"^未识别命令或参数“'(?<v>.*)'”\.$"), m => $"未识别的命令或参数“{m.Groups["v"].Value}”。"),
        (R(@"^未识别参数“'(?<v>.*)'”。必须为一个: ?$"), m => $"未识别的值“{m.Groups["v"].Value}”。应为以下之一："),
        (R(@"^选项缺少所需参数: '(?<o>.+)'\.$"), m => $"选项 {m.Groups["o"].Value} 缺少值。"),
    ];

    /// <summary>The help's words; each is one token (no space inside), so it is found wherever the help wraps a line.</summary>
    private static readonly (Regex English, string Chinese)[] Help =
    [
        (R(@"^Description:$"), "说明:"),
        (R(@"\[options\]"), "[选项]"),
        (R(@"\[command\]"), "[命令]"),
        (R(@"\(REQUIRED\)"), "(必填)"),
        (R(@"\[default:"), "[默认值:"),
    ];

    /// <summary>Parse errors (and the suggestions for a mistyped command) in Chinese.</summary>
    public static string ChineseErrors(string text) => Lines(text, line =>
    {
        foreach (var (english, chinese) in Errors)
        {
            var m = english.Match(line);
            if (m.Success)
            {
                return chinese(m);
            }
        }

        return line;
    });

    /// <summary>Help text in Chinese.</summary>
    public static string ChineseHelp(string text) => Lines(text, line =>
    {
        foreach (var (english, chinese) in Help)
        {
            line = english.Replace(line, chinese);
        }

        return line;
    });

    /// <summary>
    /// Help wrapped to <paramref name="width"/> terminal columns (a Han character takes two): a line too wide is cut
    /// between characters, never inside a run of Latin letters, digits or symbols (--db, ./policyledger.db) unless the run
    /// alone is wider than the room, nor before a closing mark or a pause (，。）) or after an opening mark (（《), and each further piece starts under the line's text — the description's column
    /// after the two spaces that end an option's or command's name, else the line's own indent. Lines that fit, and
    /// the line ends, are left as they are.
    /// </summary>
    public static string Wrap(string text, int width) => Lines(text, line =>
    {
        if (Columns(line) <= width)
        {
            return line;
        }

        var indent = HangingIndent(line);
        var room = width - indent;
        if (room < 10)
        {
            return line; // too narrow to wrap usefully: the terminal wraps it
        }

        var wrapped = new StringBuilder();
        var rest = line;
        var first = true;
        while (rest.Length > 0)
        {
            var available = first ? width : room;
            var cut = Cut(rest, available);
            wrapped.Append(first ? string.Empty : "\n" + new string(' ', indent)).Append(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
            first = false;
        }

        return wrapped.ToString();
    });

    /// <summary>Where the text of a help line starts: after the first two spaces that follow its name, else after its indent.</summary>
    private static int HangingIndent(string line)
    {
        var lead = line.Length - line.TrimStart(' ').Length;
        var gap = line.IndexOf("  ", lead, StringComparison.Ordinal);
        if (gap < 0)
        {
            return lead;
        }

        var text = gap;
        while (text < line.Length && line[text] == ' ')
        {
            text++;
        }

        return text < line.Length ? Columns(line[..text]) : lead;
    }

    /// <summary>How many characters of <paramref name="text"/> fit in <paramref name="columns"/>, moved back so that no closing mark starts the next piece, no Latin run is split and no opening mark ends the piece.</summary>
    private static int Cut(string text, int columns)
    {
        var used = 0;
        var cut = 0;
        while (cut < text.Length)
        {
            var w = Columns(text[cut]);
            if (used + w > columns)
            {
                break;
            }

            used += w;
            cut++;
        }

        if (cut == text.Length)
        {
            return cut;
        }

        // A closing mark or a pause does not start a line (，。）): the character before it goes down with it.
        var marked = cut;
        while (marked > 1 && NoLineStart.Contains(text[marked]))
        {
            marked--;
        }

        var start = marked;
        while (start > 0 && IsRunCharacter(text[start - 1]) && IsRunCharacter(text[start]))
        {
            start--;
        }

        // Nor does an opening mark end one (（《“): it goes down with what it opens.
        while (start > 1 && NoLineEnd.Contains(text[start - 1]))
        {
            start--;
        }

        // A piece that is one run (./aliases/ before its 。) is split rather than left empty.
        return start > 0 ? start : marked > 0 ? marked : Math.Max(cut, 1);
    }

    private const string NoLineStart = "，。、；：！？）》」』】〕”’…";

    private const string NoLineEnd = "（《「『【〔“‘";

    private static int Columns(string text)
    {
        var columns = 0;
        foreach (var c in text)
        {
            columns += Columns(c);
        }

        return columns;
    }

    /// <summary>The columns a character takes at a terminal: two for East Asian wide and full-width ones, none for the second half of a surrogate pair.</summary>
    private static int Columns(char c) => c switch
    {
        >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\u303E' or >= '\u3041' and <= '\u33FF' or >= '\u3400' and <= '\u4DBF'
            or >= '\u4E00' and <= '\u9FFF' or >= '\uA000' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' or >= '\uD800' and <= '\uDBFF' => 2,
        >= '\uDC00' and <= '\uDFFF' => 0,
        _ => 1,
    };

    /// <summary>Characters that make a run not to be split: ASCII letters, digits and symbols other than the space, and the … of Host=…;Database=….</summary>
    private static bool IsRunCharacter(char c) => c is > ' ' and <= '~' or '…';

    private static string Lines(string text, Func<string, string> each) =>
        string.Join('\n', text.Split('\n').Select(l => l.EndsWith('\r') ? each(l[..^1]) + "\r" : each(l)));

    private static string More(Match m) => m.Groups["more"].Success ? "是否指以下之一？" : "";

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "有效的整数",
        "System.Decimal" or "System.Nullable`1[System.Decimal]" => "有效的数字",
        "System.Boolean" => "true 或 false",
        _ => $"所需的类型 {type}",
    };
}
