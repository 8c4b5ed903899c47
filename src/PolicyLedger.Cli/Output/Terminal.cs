using System.Text;
using PolicyLedger.Reading.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PolicyLedger.Cli.Output;

/// <summary>
/// What the CLI writes for people: every text goes through <see cref="Clean"/> (the one terminal sanitizer: no
/// escape sequences, control or bidirectional-override characters from a document reach the terminal), tables are
/// drawn by Spectre.Console (which measures East Asian wide characters, so Chinese columns line up), and headers
/// and messages are Chinese unless English was asked for (--lang en, or LANG/LC_ALL set to English).
/// </summary>
internal sealed class Terminal(TextWriter output, bool english)
{
    public bool English => english;

    public TextWriter Writer => output;

    /// <summary>Chinese, or English where asked for.</summary>
    public string T(string chinese, string englishText) => english ? englishText : chinese;

    public void Line(string text) => output.WriteLine(Clean(text));

    public void Line() => output.WriteLine();

    /// <summary>A table with these headers and rows (every cell sanitized; no markup is interpreted).</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(Clean(title)));
        }

        foreach (var h in headers)
        {
            table.AddColumn(new TableColumn(new Text(Clean(h))));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => (IRenderable)new Text(Clean(c))).ToArray());
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width();
        console.Write(table);
    }

    /// <summary>The terminal's width where there is one; wide enough for a file or a pipe.</summary>
    private int Width()
    {
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            try
            {
                return Math.Max(60, Console.WindowWidth);
            }
            catch (IOException)
            {
            }
        }

        return 240;
    }

    /// <summary>
    /// Text made safe for a terminal: <see cref="SafeText.Terminal"/>, the project's one sanitizer (escape sequences,
    /// C0/C1 controls and bidirectional overrides become visible <c>\uXXXX</c>; line feeds and tabs stay).
    /// </summary>
    public static string Clean(string? text) => SafeText.Terminal(text);

    /// <summary>Text cut to <paramref name="length"/> characters with a mark.</summary>
    public static string Short(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>English when --lang en, else when --lang zh Chinese, else English where LC_ALL or LANG names an English locale.</summary>
    public static bool WantsEnglish(string? lang, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            return lang.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }

        var locale = environment("LC_ALL") is { Length: > 0 } all ? all : environment("LANG");
        return locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }
}
