using System.CommandLine;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger ledger [--unit U] [--document D] [--format table|json]</c>: the 台账 of the current documents.</summary>
internal static class LedgerCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var format = LedgerOptions.TableOrJson(t);
        var unit = new Option<string?>("--unit") { Description = t.T("只列名称或写法包含此文字的单位所参与的事项。", "Only items where a unit whose name or mention contains this text has a role.") };
        var document = new Option<string?>("--document")
        {
            Description = t.T(
                "只列文号、标题或文件名包含此文字的文件中的事项。",
                "Only items of documents whose number, title or file name contains this text."),
        };
        var command = new Command("ledger", t.T(
            "显示台账：各现行文件的每项任务，及其牵头单位、责任单位、配合单位、目标和时限。",
            "Show the ledger (台账): every task of every current document, who leads it, who is responsible, who cooperates, its targets and deadlines."));
        command.Options.Add(format);
        command.Options.Add(unit);
        command.Options.Add(document);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), new LedgerFilter(parse.GetValue(unit), parse.GetValue(document)), parse.GetValue(format)!, Console.Out, Console.Error, ct, options.Io(parse).English));
        return command;
    }

    public static async Task<int> RunAsync(LedgerDatabase database, LedgerFilter filter, string format, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default, bool english = false)
    {
        var rows = await LedgerAccess.QueryAsync(database, errors, english, c => LedgerQueries.RowsAsync(c, filter, cancellationToken), cancellationToken);
        if (rows is null)
        {
            return 2;
        }

        if (format == "json")
        {
            await output.WriteLineAsync(LedgerJson.Rows(rows));
            return 0;
        }

        var t = new Terminal(output, english);
        foreach (var document in rows.GroupBy(r => r.DocumentId))
        {
            var first = document.First();
            t.Table(
                [t.T("编号", "key"), t.T("任务内容", "task"), t.T("牵头单位", "lead"), t.T("责任单位", "responsible"), t.T("配合单位", "cooperating"), t.T("目标与数量", "targets"), t.T("时限", "deadline"), t.T("校对", "corrected")],
                document.Select(r => (IReadOnlyList<string>)[
                    r.Key,
                    Terminal.Short(r.Text, 40),
                    string.Join("、", r.Lead),
                    string.Join("、", r.Responsible),
                    string.Join("、", r.Cooperating),
                    string.Join("；", r.Quantities),
                    r.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Join("；", r.Times),
                    r.Corrected ? t.T("已校对：" + string.Join("、", r.CorrectedFields.Select(CorrectCommand.FieldName)), "corrected: " + string.Join(", ", r.CorrectedFields)) : string.Empty]),
                $"{first.Document}{(first.Title is { } title && title != first.Document ? "  " + title : string.Empty)}");
            t.Line();
        }

        t.Line(t.T($"{rows.Select(r => r.DocumentId).Distinct().Count()}个文件，{rows.Count}项任务", $"{rows.Count} items in {rows.Select(r => r.DocumentId).Distinct().Count()} documents"));
        return 0;
    }

}
