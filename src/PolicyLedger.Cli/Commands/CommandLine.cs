using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Cli.Commands;

/// <summary>How the command line is parsed and run, in one place.</summary>
internal static class CommandLine
{
    /// <summary>Exit code of an import stopped by Ctrl-C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Exit code of an import stopped by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>Exit code of an unexpected internal error (a bug): the message is printed, not a stack trace.</summary>
    public const int InternalError = 70;

    public const string DebugVariable = "POLICYLEDGER_DEBUG";

    /// <summary>
    /// Parses without response files (an argument "@县住建局" is a value, not a file to expand) and runs the command.
    /// Ctrl-C and SIGTERM are left to the commands: <c>import</c> stops after the batch in hand and says what was
    /// stored; the others end at once (every write is one transaction, so nothing is left half-written). Help and parse
    /// errors are in the language of <paramref name="texts"/> (in Chinese, the words System.CommandLine's zh-Hans
    /// resources leave in English are put in Chinese: <see cref="CommandLineWords"/>).
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, Texts texts)
    {
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is System.CommandLine.Invocation.ParseErrorAction errors)
        {
            // The errors, then one line on where to look, rather than the whole help text.
            errors.ShowHelp = false;
            var code = await InvokeInAsync(parse, texts, CommandLineWords.ChineseErrors);
            var command = $"policyledger {string.Join(' ', CommandPath(parse.CommandResult.Command))}".TrimEnd();
            await Console.Error.WriteLineAsync(texts.T($"用法见 {command} --help", $"See {command} --help"));
            return code;
        }

        if (parse.Action is HelpAction help)
        {
            // System.CommandLine wraps at spaces, counting characters: a Chinese description has no spaces and each of its
            // characters takes two columns, so its lines ran past the terminal's edge. In Chinese it writes them unwrapped
            // and they are wrapped by columns, under their own column (CommandLineWords.Wrap); English is left to it.
            int? width = null;
            if (!texts.IsEnglish)
            {
                help.MaxWidth = int.MaxValue;
                width = TerminalWidth();
            }

            return await InvokeInAsync(parse, texts, text => width is { } w ? CommandLineWords.Wrap(CommandLineWords.ChineseHelp(text), w) : CommandLineWords.ChineseHelp(text));
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: say what it was without a stack trace (POLICYLEDGER_DEBUG=1 shows it).
            await Console.Error.WriteLineAsync($"policyledger: 内部错误：{e.GetType().Name}：{e.Message}");
            if (Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return InternalError;
        }
    }

    /// <summary>The terminal's width in columns when the help goes to one; none for a pipe or a file (never wrapped).</summary>
    private static int? TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Runs System.CommandLine's own action (help, parse errors), in Chinese through <paramref name="chinese"/>.</summary>
    private static async Task<int> InvokeInAsync(ParseResult parse, Texts texts, Func<string, string> chinese)
    {
        if (texts.IsEnglish)
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, Output = output, Error = error });
        await Console.Out.WriteAsync(chinese(output.ToString()));
        if (error.GetStringBuilder().Length > 0)
        {
            // In red at a terminal, as System.CommandLine writes its errors.
            var red = !Console.IsOutputRedirected;
            if (red)
            {
                Console.ForegroundColor = ConsoleColor.Red;
            }

            await Console.Error.WriteAsync(chinese(error.ToString()));
            if (red)
            {
                Console.ResetColor();
            }
        }

        return code;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c && c.Parents.Any(); s = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names;
    }

    /// <summary>
    /// PATH arguments take what the parser leaves over, an unknown option among it ("import . --by X"): a value that
    /// starts with "-" and names no file is an error naming that option, not a path that does not exist.
    /// </summary>
    public static void RejectUnknownOptions(Argument argument, Texts t)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !File.Exists(value) && !Directory.Exists(value))
                {
                    var v = SafeText.OneLine(value);
                    result.AddError(t.T($"未知选项 {v}（若是以 - 开头的文件名，请写成 ./{v}）", $"unknown option {v} (a file name that starts with - is written ./{v})"));
                }
            }
        });
    }
}
