using System.Globalization;
using PolicyLedger.Cli.Output;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// The language of the command line itself: the descriptions of commands, options and arguments that --help prints,
/// System.CommandLine's own words (its zh-Hans resources, with <see cref="CommandLineWords"/> for what they leave in
/// English) and the parse errors. Chinese unless English was asked for, decided as the rest of the CLI decides
/// (<see cref="Terminal.WantsEnglish"/>), once, from the arguments before the command tree is built.
/// </summary>
internal sealed class Texts(bool english)
{
    public static Texts Chinese { get; } = new(false);

    public static Texts English { get; } = new(true);

    public bool IsEnglish => english;

    /// <summary>
    /// The UI culture System.CommandLine takes its words from (never the formatting culture); none where the runtime has
    /// only the invariant culture (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1): its words then stay English.
    /// </summary>
    public CultureInfo? UiCulture
    {
        get
        {
            try
            {
                return CultureInfo.GetCultureInfo(english ? "en" : "zh-Hans");
            }
            catch (CultureNotFoundException)
            {
                return null;
            }
        }
    }

    /// <summary>Chinese, or English where asked for.</summary>
    public string T(string chinese, string englishText) => english ? englishText : chinese;

    /// <summary>The language of a command line: its --lang value, else LC_ALL or LANG.</summary>
    public static Texts For(IReadOnlyList<string> args, Func<string, string?>? environment = null) =>
        Terminal.WantsEnglish(LangArgument(args), environment) ? English : Chinese;

    /// <summary>
    /// The value of --lang as the parser will read it (--lang en, --lang=en or --lang:en; the last one counts; nothing
    /// after "--", which ends the options), read before the command tree exists because the tree's descriptions
    /// depend on it.
    /// </summary>
    public static string? LangArgument(IReadOnlyList<string> args)
    {
        string? lang = null;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                break;
            }

            if (a == "--lang")
            {
                if (i + 1 < args.Count)
                {
                    lang = args[++i];
                }
            }
            else if (a.StartsWith("--lang=", StringComparison.Ordinal) || a.StartsWith("--lang:", StringComparison.Ordinal))
            {
                lang = a["--lang=".Length..];
            }
        }

        return lang;
    }
}
