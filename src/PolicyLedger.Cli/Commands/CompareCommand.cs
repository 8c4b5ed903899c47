using System.CommandLine;
using PolicyLedger.Cli.Output;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger compare A B [C…] [--format table|json|xlsx|html] [-o FILE]</c>: how places carry out the same
/// policy. Two documents: the alignment of their items. More: one row per measure across all, the first given being
/// the reference.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var documents = new Argument<string[]>("DOCUMENT")
        {
            Description = t.T(
                "两份或更多文件：文件路径（FILE#N 指文件中的第 N 份公文），或台账中的文件，用编号、文号、标题或文件名指明（也可只写其中只有一份文件含有的部分）。第一份为对比基准。",
                "Two or more documents: files (FILE#N for the N-th document of a file), or documents of the ledger by key, 文号, title or file name (or a part of them that only one document has). The first is the reference."),
            Arity = new ArgumentArity(2, 1000),
        };
        var format = new Option<string>("--format") { Description = t.T("输出格式：table、json、xlsx 或 html。", "Output: table, json, xlsx or html."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "xlsx", "html");
        var output = new Option<string?>("--output", "-o") { Description = t.T("写入此文件，不输出到终端（xlsx 格式必须给出）。", "Write to this file instead of the terminal (required for xlsx).") };
        var command = new Command("compare", t.T(
            "对比同一政策的各地版本：各地沿用、修改、删去或新增了哪些措施。",
            "Compare local versions of one policy: which measures each place adopted, changed, dropped or added."));
        command.Arguments.Add(documents);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(documents)!, parse.GetValue(format)!, parse.GetValue(output), Console.Out, Console.Error, ct));
        return command;
    }

    /// <returns>0 when compared; 1 when a document could not be used (nothing is written then); 2 when the ledger failed.</returns>
    public static async Task<int> RunAsync(LedgerDatabase database, IReadOnlyList<string> arguments, string format, string? output, TextWriter stdout, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (format == "xlsx" && string.IsNullOrWhiteSpace(output))
        {
            await errors.WriteLineAsync("policyledger compare: --format xlsx 需要用 -o 指定输出文件");
            return 1;
        }

        var lookup = new LedgerComparisonSource(database);
        var (documents, problems) = await ComparisonInputs.ResolveAsync(arguments, lookup.FindAsync, cancellationToken);
        if (lookup.Failure is not null)
        {
            await errors.WriteLineAsync(lookup.Failure);
            return 2;
        }

        foreach (var problem in problems)
        {
            await errors.WriteLineAsync($"{problem.Argument}：{problem.Message}");
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        var service = ComparisonService.Default;
        if (documents.Count == 2)
        {
            var comparison = service.Compare(documents[0], documents[1]);
            await WriteAsync(format, output, stdout,
                () => ComparisonJson.Serialize(comparison), () => ComparisonHtml.Page(comparison), stream => ComparisonWorkbook.Write(stream, comparison), w => CompareTable.Write(comparison, w));
        }
        else
        {
            var comparison = service.Compare(documents);
            await WriteAsync(format, output, stdout,
                () => ComparisonJson.Serialize(comparison), () => ComparisonHtml.Page(comparison), stream => ComparisonWorkbook.Write(stream, comparison), w => CompareTable.Write(comparison, w));
        }

        if (output is not null)
        {
            await errors.WriteLineAsync($"已写入 {output}");
        }

        return 0;
    }

    private static async Task WriteAsync(string format, string? output, TextWriter stdout, Func<string> json, Func<string> html, Action<Stream> xlsx, Action<TextWriter> table)
    {
        if (format == "xlsx")
        {
            await SaveAsync(output!, stream =>
            {
                xlsx(stream);
                return Task.CompletedTask;
            });
            return;
        }

        string text;
        if (format == "table")
        {
            using var buffer = new StringWriter();
            table(buffer);
            text = buffer.ToString();
        }
        else
        {
            text = format == "json" ? json() : html();
        }

        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        if (output is null)
        {
            await stdout.WriteAsync(text);
        }
        else
        {
            await SaveAsync(output, async stream =>
            {
                await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                await writer.WriteAsync(text);
            });
        }
    }

    /// <summary>Writes beside the file asked and moves it into place, so a failed write never leaves half a file under that name.</summary>
    private static async Task SaveAsync(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
