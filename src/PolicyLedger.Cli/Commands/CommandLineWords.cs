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
