using System.CommandLine;
using PolicyLedger.Cli.Output;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger read PATH... [--format table|json]</c>.</summary>
internal static class ReadCommand
{
    public static Command Create(Texts t)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = t.T(
                "要读取的文件或文件夹（文件夹连同其下各级子文件夹一并读取）。",
                "Files or folders to read (folders are read recursively)."),
            Arity = ArgumentArity.OneOrMore,
        };
        var format = LedgerOptions.TableOrJson(t);

        var command = new Command("read", t.T("读取公文，析出其中的要素、标题、事项和责任分工条款。", "Read official documents into their elements, headings, items and responsibility clauses."));
        CommandLine.RejectUnknownOptions(paths, t);
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format)!, Console.Out, Console.Error));
        return command;
    }

    /// <returns>0 when every file was read without error, 1 when any file could not be read.</returns>
    public static int Run(IReadOnlyList<string> paths, string format, TextWriter output, TextWriter errors)
    {
        var reader = Readers.Create();
        var results = new List<ReadResult>();
        var failed = 0;
        foreach (var entry in FileBatch.Expand(paths, reader.Loader.Handles))
        {
            if (entry.Error is not null)
            {
                errors.WriteLine($"{SafeText.OneLine(entry.Path)}: {entry.Error}");
                failed++;
                continue;
            }

            if (entry.Skipped is not null)
            {
                errors.WriteLine($"{SafeText.OneLine(entry.Path)}: 已跳过：{entry.Skipped}");
                continue;
            }

            var result = reader.ReadFile(entry.Path);
            results.Add(result);
            foreach (var error in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                errors.WriteLine($"{SafeText.OneLine(entry.Path)}: {error.Message} ({error.Code})");
            }

            // Said as `import` says it: a warning, no document.
            foreach (var empty in result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Empty))
            {
                errors.WriteLine($"{SafeText.OneLine(entry.Path)}: 警告：{empty.Message} ({empty.Code})");
            }

            if (result.HasErrors)
            {
                failed++;
            }
        }

        if (format == "json")
        {
            // One file: the object of the contract; several files: an array of such objects.
            output.WriteLine(results.Count == 1 && paths.Count == 1 && File.Exists(paths[0])
                ? ReadResultJson.Serialize(results[0])
                : ReadResultJson.Serialize(results));
        }
        else
        {
            ReadTable.Write(results, output);
        }

        return failed == 0 ? 0 : 1;
    }
}
