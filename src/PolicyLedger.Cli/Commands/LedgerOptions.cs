using System.CommandLine;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// The options every ledger command shares: where the ledger is (<c>--db</c>, a recursive root option) and the language
/// (<c>--lang</c>); and <see cref="Texts"/>, the language the commands are described in.
/// </summary>
internal sealed class LedgerOptions(Texts t)
{
    public Texts Texts => t;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = t.T(
            $"台账：SQLite 文件（缺省为 ./{LedgerDatabase.DefaultPath}，首次使用时创建）或 PostgreSQL 连接字符串（Host=…;Database=… 或 postgres://…）。缺省取 ${LedgerDatabase.EnvironmentVariable}，再缺省为 ./{LedgerDatabase.DefaultPath}。",
            $"The ledger: a SQLite file (default ./{LedgerDatabase.DefaultPath}, created on first use) or a PostgreSQL connection string (Host=…;Database=… or postgres://…). Default: ${LedgerDatabase.EnvironmentVariable}, else ./{LedgerDatabase.DefaultPath}."),
        Recursive = true,
    };

    public LedgerDatabase Database(ParseResult parse) => LedgerDatabase.Parse(parse.GetValue(Db));

    /// <summary>--lang zh|en: the language of headers, messages and help (default Chinese, English where LANG names an English locale).</summary>
    public Option<string?> Lang { get; } = new("--lang")
    {
        Description = t.T(
            "表头、提示和帮助的语言：zh（缺省）或 en（LANG 为英文时也用 en）。",
            "Language of headers, messages and help: zh (default) or en (also chosen by an English LANG)."),
        Recursive = true,
    };

    /// <summary>The console, in the language asked for.</summary>
    public CliIo Io(ParseResult parse) => CliIo.Of(Console.Out, Console.Error, Output.Terminal.WantsEnglish(parse.GetValue(Lang)));

    /// <summary>--format table|json (default table), as the commands that print a table or its JSON take it.</summary>
    public static Option<string> TableOrJson(Texts t)
    {
        var format = new Option<string>("--format") { Description = t.T("输出格式：table 或 json。", "Output format: table or json."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return format;
    }

    /// <summary>--aliases for the commands that resolve units again after import (correct, corrections import), defaulting as import does.</summary>
    public static Option<string?> AliasesAsForImport(Texts t) => new("--aliases")
    {
        Description = t.T(
            "解析单位名称所用的别名文件或文件夹（缺省同 import）。",
            "The alias file or folder that unit names resolve with (default as for import)."),
    };

    public const string AliasesVariable = "POLICYLEDGER_ALIASES";

    /// <summary>The alias folder (one YAML file per jurisdiction, 某某区.yaml) used when neither --aliases nor $POLICYLEDGER_ALIASES names one, if it exists.</summary>
    public const string DefaultAliases = "aliases";

    /// <summary>The alias file used when there is no alias folder, if it exists.</summary>
    public const string DefaultAliasFile = "aliases.yaml";

    /// <summary>The aliases to use: the file or folder given, else $POLICYLEDGER_ALIASES, else ./aliases/, else ./aliases.yaml, when they exist.</summary>
    public static string? AliasFile(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var configured = Environment.GetEnvironmentVariable(AliasesVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return Directory.Exists(DefaultAliases) ? DefaultAliases : File.Exists(DefaultAliasFile) ? DefaultAliasFile : null;
    }

    /// <summary>How mentions become units: the reading library's resolver with the user's alias file.</summary>
    public static ResolverUnitResolution UnitResolution(string? aliasFile) => ResolverUnitResolution.FromFile(aliasFile);
}
