using System.CommandLine;
using System.Globalization;
using System.Resources;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Faults;

namespace PolicyLedger.Tests.Cli;

/// <summary>
/// --help and parse errors in Chinese by default and in English on request, as the rest of the CLI: every description
/// of the command tree in both languages, System.CommandLine's own words from its zh-Hans resources (and
/// <see cref="CommandLineWords"/> where those stay English). The help tests run the real CLI process.
/// </summary>
public class HelpLanguageTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    /// <summary>A Chinese environment (the CLI's default) and an English one, whatever the machine running the tests has.</summary>
    private static readonly Dictionary<string, string> ChineseLocale = new() { ["LC_ALL"] = "", ["LANG"] = "C.UTF-8" };

    private static readonly Dictionary<string, string> EnglishLocale = new() { ["LC_ALL"] = "", ["LANG"] = "en_US.UTF-8" };

    private static readonly CultureInfo ZhHans = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>System.CommandLine's own strings, as its satellite resources beside the tests give them.</summary>
    private static readonly ResourceManager Words = new("System.CommandLine.Properties.Resources", typeof(Command).Assembly);

    private static bool HasHan(string text) => text.Any(Cjk.IsHan);

    // ---- the command tree: every description in both languages ----

    /// <summary>Every command, option and argument with its Chinese and English description, found by walking both trees side by side.</summary>
    private static List<(string Symbol, string? Chinese, string? English)> Descriptions(Command zh, Command en, string path)
    {
        Assert.Equal(zh.Options.Select(o => o.Name), en.Options.Select(o => o.Name));
        Assert.Equal(zh.Arguments.Select(a => a.Name), en.Arguments.Select(a => a.Name));
        Assert.Equal(zh.Subcommands.Select(c => c.Name), en.Subcommands.Select(c => c.Name));
        var all = new List<(string, string?, string?)> { (path, zh.Description, en.Description) };
        all.AddRange(zh.Options.Zip(en.Options, (z, e) => ($"{path} {z.Name}", z.Description, e.Description)));
        all.AddRange(zh.Arguments.Zip(en.Arguments, (z, e) => ($"{path} <{z.Name}>", z.Description, e.Description)));
        foreach (var (z, e) in zh.Subcommands.Zip(en.Subcommands))
        {
            all.AddRange(Descriptions(z, e, $"{path} {z.Name}"));
        }

        return all;
    }

    /// <summary>
    /// What is wrong with one symbol's two descriptions: the Chinese one must have Han characters; the English one must
    /// differ from it, be mostly Latin letters, and have Han characters only in the Chinese terms and examples it quotes,
    /// which the Chinese description has too (台账, 文号, 青管〔2023〕7号#12).
    /// </summary>
    private static IEnumerable<string> Problems(string symbol, string? chinese, string? english)
    {
        if (string.IsNullOrWhiteSpace(chinese) || string.IsNullOrWhiteSpace(english))
        {
            yield return $"{symbol}: no description";
            yield break;
        }

        if (!HasHan(chinese))
        {
            yield return $"{symbol}: the Chinese description has no Chinese: {chinese}";
        }

        if (chinese == english)
        {
            yield return $"{symbol}: one description for both languages: {chinese}";
        }

        if (english.Count(Cjk.IsHan) >= english.Count(char.IsAsciiLetter))
        {
            yield return $"{symbol}: the English description is not English: {english}";
        }

        foreach (var quoted in HanRuns(english).Where(run => !chinese.Contains(run, StringComparison.Ordinal)))
        {
            yield return $"{symbol}: the English description has Chinese \"{quoted}\" that is no term or example of the Chinese one: {english}";
        }
    }

    private static IEnumerable<string> HanRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && Cjk.IsHan(text[i]);
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static List<string> TreeProblems(Command zh, Command en) =>
        Descriptions(zh, en, "policyledger").SelectMany(d => Problems(d.Symbol, d.Chinese, d.English)).ToList();

    [Fact]
    public void Every_command_option_and_argument_is_described_in_chinese_and_in_english()
    {
        var zh = CommandTree.Create(Texts.Chinese);
        var en = CommandTree.Create(Texts.English);
        var all = Descriptions(zh, en, "policyledger");
        Assert.True(all.Count > 150, $"only {all.Count} symbols walked");
        Assert.Contains(all, d => d.Symbol == "policyledger progress add --figure");
        Assert.Contains(all, d => d.Symbol == "policyledger --help");
        Assert.Contains(all, d => d.Symbol == "policyledger user passwd <NAME>");
        var problems = TreeProblems(zh, en);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("Only new items.", "Only new items.", "no Chinese")]
    [InlineData("只列新事项。", "只列新事项。", "one description for both")]
    [InlineData("只列新事项。", "只列新事项（new）。", "is not English")]
    [InlineData("只列新事项。", "Only items of 台账.", "\"台账\" that is no term")]
    [InlineData("只列新事项。", null, "no description")]
    [InlineData("只列台账中的新事项。", "Only new items of the 台账.", null)]
    public void The_tree_check_finds_a_description_in_one_language_only(string chinese, string? english, string? expected)
    {
        // An option added as people add them, with one description or two, to both trees.
        var zh = CommandTree.Create(Texts.Chinese);
        var en = CommandTree.Create(Texts.English);
        zh.Subcommands.Single(c => c.Name == "status").Options.Add(new Option<bool>("--new") { Description = chinese });
        en.Subcommands.Single(c => c.Name == "status").Options.Add(new Option<bool>("--new") { Description = english });
        var problems = TreeProblems(zh, en);
        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.StartsWith("policyledger status --new:", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
        }
    }

    // ---- the language, decided from the arguments before the tree is built ----

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--lang", "en", "status" }, "en")]
    [InlineData(new[] { "status", "--lang", "en", "--help" }, "en")]
    [InlineData(new[] { "--lang=en", "--help" }, "en")]
    [InlineData(new[] { "--lang:zh", "--help" }, "zh")]
    [InlineData(new[] { "--lang", "en", "--lang", "zh" }, "zh")]
    [InlineData(new[] { "--lang" }, null)]
    [InlineData(new[] { "correct", "--", "--lang", "en" }, null)]
    [InlineData(new[] { "--language", "en" }, null)]
    public void The_lang_option_is_read_from_the_arguments(string[] args, string? expected) =>
        Assert.Equal(expected, Texts.LangArgument(args));

    [Theory]
    [InlineData(new[] { "--help" }, null, false)]
    [InlineData(new[] { "--help" }, "en_US.UTF-8", true)]
    [InlineData(new[] { "--lang", "zh", "--help" }, "en_US.UTF-8", false)]
    [InlineData(new[] { "--lang", "en", "--help" }, "zh_CN.UTF-8", true)]
    public void The_help_language_is_decided_as_the_rest_of_the_cli_decides(string[] args, string? lang, bool english)
    {
        var texts = Texts.For(args, v => v == "LANG" ? lang : null);
        Assert.Equal(english, texts.IsEnglish);
        Assert.Equal(english ? "en" : "zh-Hans", texts.UiCulture!.Name);
    }

    // ---- the real CLI's help ----

    /// <summary>The descriptions one command's help shows: its own, its subcommands', its arguments' and its options' (the root's recursive ones too).</summary>
    private static List<string> ShownDescriptions(RootCommand root, string? name)
    {
        var command = name is null ? root : root.Subcommands.Single(c => c.Name == name);
        var shown = new List<string?> { command.Description };
        shown.AddRange(command.Subcommands.Select(c => c.Description));
        shown.AddRange(command.Arguments.Select(a => a.Description));
        shown.AddRange(command.Options.Select(o => o.Description));
        if (name is not null)
        {
            shown.AddRange(root.Options.Where(o => o.Recursive).Select(o => o.Description));
        }

        return shown.Select(d => d!).ToList();
    }

    /// <summary>The rows of a section of the help (the lines after its heading up to the next blank line).</summary>
    private static List<string> Section(string help, string heading)
    {
        var lines = help.Split('\n').Select(l => l.TrimEnd()).ToList();
        var at = lines.IndexOf(heading.TrimEnd());
        Assert.True(at >= 0, $"no heading \"{heading}\" in\n{help}");
        return lines.Skip(at + 1).TakeWhile(l => l.Length > 0).ToList();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("compare")]
    [InlineData("import")]
    [InlineData("status")]
    public async Task Help_is_chinese_by_default(string? command)
    {
        var run = await RealCli.RunAsync(command is null ? ["--help"] : [command, "--help"], Soon, environment: ChineseLocale);
        Assert.True(run.ExitCode == 0, run.ToString());
        var help = run.Output;

        // The headings System.CommandLine's zh-Hans resources give (read from them: 用法, 选项, …), and 说明 for the one they leave English.
        var usage = Words.GetString("HelpUsageTitle", ZhHans)!;
        var options = Words.GetString("HelpOptionsTitle", ZhHans)!;
        Assert.True(HasHan(usage) && HasHan(options), $"no zh-Hans System.CommandLine resources beside the tests: {usage} {options}");
        Assert.NotEmpty(Section(help, usage));
        Assert.All(Section(help, options), row => Assert.True(HasHan(row), $"an option row without Chinese: {row}"));
        Assert.Single(Section(help, "说明:"), line => HasHan(line));
        if (command is null)
        {
            var commands = Section(help, Words.GetString("HelpCommandsTitle", ZhHans)!);
            Assert.Equal(CommandTree.Create(Texts.Chinese).Subcommands.Count, commands.Count);
            Assert.All(commands, row => Assert.True(HasHan(row), $"a command row without Chinese: {row}"));
        }
        else if (command is "compare" or "import")
        {
            Assert.All(Section(help, Words.GetString("HelpArgumentsTitle", ZhHans)!), row => Assert.True(HasHan(row), $"an argument row without Chinese: {row}"));
        }

        foreach (var chinese in ShownDescriptions(CommandTree.Create(Texts.Chinese), command))
        {
            Assert.Contains(chinese, help, StringComparison.Ordinal);
        }

        foreach (var english in ShownDescriptions(CommandTree.Create(Texts.English), command))
        {
            Assert.DoesNotContain(english, help, StringComparison.Ordinal);
        }

        foreach (var word in new[] { "Description:", "Usage:", "Options:", "Commands:", "Arguments:", "Show help", "[options]", "[command]", "[default:", "(REQUIRED)" })
        {
            Assert.DoesNotContain(word, help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "--lang", "en", "--help" }, false, null)]
    [InlineData(new[] { "--lang", "en", "status", "--help" }, false, "status")]
    [InlineData(new[] { "compare", "--help", "--lang=en" }, false, "compare")]
    [InlineData(new[] { "--help" }, true, null)]
    [InlineData(new[] { "import", "--help" }, true, "import")]
    public async Task Help_is_english_on_request(string[] args, bool englishLocale, string? command)
    {
        var run = await RealCli.RunAsync(args, Soon, environment: englishLocale ? EnglishLocale : ChineseLocale);
        Assert.True(run.ExitCode == 0, run.ToString());
        var help = run.Output;
        Assert.Single(Section(help, "Description:"));
        Assert.NotEmpty(Section(help, "Usage:"));
        Assert.Contains("  -?, -h, --help  ", help, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information", help, StringComparison.Ordinal);
        foreach (var english in ShownDescriptions(CommandTree.Create(Texts.English), command))
        {
            Assert.Contains(english, help, StringComparison.Ordinal);
        }

        foreach (var chinese in ShownDescriptions(CommandTree.Create(Texts.Chinese), command))
        {
            Assert.DoesNotContain(chinese, help, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("用法", help, StringComparison.Ordinal);
        Assert.DoesNotContain("选项", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_is_kept_over_an_english_locale_with_lang_zh()
    {
        var run = await RealCli.RunAsync(["--lang", "zh", "status", "--help"], Soon, environment: EnglishLocale);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(CommandTree.Create(Texts.Chinese).Subcommands.Single(c => c.Name == "status").Description!, run.Output, StringComparison.Ordinal);
        Assert.NotEmpty(Section(run.Output, Words.GetString("HelpOptionsTitle", ZhHans)!));
    }

    [Fact]
    public async Task Without_icu_the_descriptions_are_still_chinese()
    {
        // Only the invariant culture: no zh-Hans UI culture to be had, so System.CommandLine's headings stay English.
        var run = await RealCli.RunAsync(["status", "--help"], Soon, environment: new Dictionary<string, string>(ChineseLocale) { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(CommandTree.Create(Texts.Chinese).Subcommands.Single(c => c.Name == "status").Description!, run.Output, StringComparison.Ordinal);
    }

    // ---- parse errors ----

    [Fact]
    public async Task A_missing_required_option_is_said_in_the_language_asked_for()
    {
        var chinese = await RealCli.RunAsync(["bulletin"], Soon, environment: ChineseLocale);
        var english = await RealCli.RunAsync(["--lang", "en", "bulletin"], Soon, environment: ChineseLocale);
        var byLocale = await RealCli.RunAsync(["bulletin"], Soon, environment: EnglishLocale);

        Assert.True(chinese.ExitCode == 1, chinese.ToString());
        Assert.Equal(["缺少必填选项 --period。", "用法见 policyledger bulletin --help"], chinese.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var run in new[] { english, byLocale })
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(["Option '--period' is required.", "See policyledger bulletin --help"], run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public async Task Other_parse_errors_are_chinese_too()
    {
        var type = await RealCli.RunAsync(["audit", "--limit", "many"], Soon, environment: ChineseLocale);
        var typo = await RealCli.RunAsync(["statu"], Soon, environment: ChineseLocale);
        var value = await RealCli.RunAsync(["bulletin", "--period", "2024Q2", "--format", "pdf"], Soon, environment: ChineseLocale);

        Assert.Contains("选项 --limit 的值“many”不是有效的整数。", type.Errors, StringComparison.Ordinal);
        Assert.Contains("无法识别“statu”。是否指以下之一？", typo.Output, StringComparison.Ordinal);
        Assert.Contains("未识别的命令或参数“statu”。", typo.Errors, StringComparison.Ordinal);
        Assert.Contains("用法见 policyledger --help", typo.Errors, StringComparison.Ordinal);
        Assert.Contains("未识别的值“pdf”。应为以下之一：", value.Errors, StringComparison.Ordinal);
        foreach (var run in new[] { type, typo, value })
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.DoesNotContain("Cannot parse", run.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("was not matched", run.Output, StringComparison.Ordinal);
        }
    }

    // ---- System.CommandLine's words that its zh-Hans resources leave in English ----

    /// <summary>Strings the CLI never prints: the default exception handler is off, no command takes extra arguments, and the help option carries our own description.</summary>
    private static readonly HashSet<string> Unreachable = ["ExceptionHandlerHeader", "HelpAdditionalArgumentsDescription", "HelpUsageAdditionalArguments", "HelpOptionDescription"];

    /// <summary>Where a word of the help is printed, {0} standing for it.</summary>
    private static readonly Dictionary<string, string> HelpWords = new()
    {
        ["HelpDescriptionTitle"] = "{0}",
        ["HelpUsageOptions"] = "  policyledger status {0}",
        ["HelpUsageCommand"] = "  policyledger {0} [options]",
        ["HelpOptionsRequiredLabel"] = "  --period <period> {0}",
        ["HelpArgumentDefaultValueLabel"] = "  --format <docx|md>  docx or md. [{0}: md]",
    };

    [Fact]
    public void Every_word_the_chinese_resources_leave_in_english_is_put_in_chinese()
    {
        using var neutral = new ResourceReader(typeof(Command).Assembly.GetManifestResourceStream("System.CommandLine.Properties.Resources.resources")!);
        var left = new List<string>();
        var keys = 0;
        foreach (System.Collections.DictionaryEntry entry in neutral)
        {
            keys++;
            var key = (string)entry.Key;
            var english = (string)entry.Value!;
            if (HasHan(Words.GetString(key, ZhHans)!) || Unreachable.Contains(key))
            {
                continue;
            }

            var shown = HelpWords.TryGetValue(key, out var where)
                ? string.Format(CultureInfo.InvariantCulture, where, english)
                : string.Format(CultureInfo.InvariantCulture, english, "x", "2", "System.Int32", "\n\tz");
            var chinese = HelpWords.ContainsKey(key) ? CommandLineWords.ChineseHelp(shown) : CommandLineWords.ChineseErrors(shown);
            if (chinese == shown || !HasHan(chinese.Split('\n')[0]))
            {
                left.Add($"{key}: {shown}");
            }
        }

        Assert.True(keys > 30, $"only {keys} strings in System.CommandLine's resources");
        Assert.True(left.Count == 0, "left in English:\n" + string.Join('\n', left));
    }

    [Theory]
    [InlineData("未提供必需的命令。.", "未指定命令。")]
    [InlineData("未识别命令或参数“'statu'”.", "未识别的命令或参数“statu”。")]
    [InlineData("选项缺少所需参数: '--period'.", "选项 --period 缺少值。")]
    [InlineData("Option '--period' is required.", "缺少必填选项 --period。")]
    [InlineData("Cannot parse argument '1.5' for option '--percent' as expected type 'System.Decimal'.", "选项 --percent 的值“1.5”不是有效的数字。")]
    [InlineData("命令 'compare' 缺少所需参数 'DOCUMENT'。", "命令 'compare' 缺少所需参数 'DOCUMENT'。")]
    [InlineData("未知选项 --by（若是以 - 开头的文件名，请写成 ./--by）", "未知选项 --by（若是以 - 开头的文件名，请写成 ./--by）")]
    public void Parse_errors_read_as_chinese(string printed, string expected) =>
        Assert.Equal(expected, CommandLineWords.ChineseErrors(printed));
}
