using System.CommandLine;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tracking.Forms;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger export --xlsx FILE [--unit U] [--document D]</c>: the 台账 as a workbook.</summary>
internal static class ExportCommand
{
    public static Command Create(LedgerOptions options)
    {
        var xlsx = new Option<string>("--xlsx") { Description = "The workbook to write (.xlsx).", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Only items where a unit whose name or mention contains this text has a role." };
        var document = new Option<string?>("--document") { Description = "Only items of documents whose number, title or file name contains this text." };
        var command = new Command("export", "Export the ledger to an Excel workbook: one sheet per document in the 台账 layout, and a 责任矩阵 sheet.");
        command.Options.Add(xlsx);
        command.Options.Add(unit);
        command.Options.Add(document);
        var (form, period) = ReportFormExport.AddOptions(command);
        command.SetAction((parse, ct) =>
        {
            if (OutputProblem(parse.GetValue(xlsx)!) is { } problem)
            {
                Console.Error.WriteLine($"{SafeText.OneLine(parse.GetValue(xlsx))}: {problem}");
                return Task.FromResult(2);
            }

            return parse.GetValue(form)
                ? ReportFormExport.RunAsync(options.Database(parse), parse.GetValue(xlsx)!, parse.GetValue(unit), parse.GetValue(period), Console.Out, Console.Error, ct)
                : RunAsync(options.Database(parse), parse.GetValue(xlsx)!, new LedgerFilter(parse.GetValue(unit), parse.GetValue(document)), Console.Out, Console.Error, ct);
        });
        return command;
    }

    /// <summary>
    /// Why a workbook must not be written at this path: a name without .xlsx (Excel would refuse to open it), or an
    /// existing file that is not a workbook (a .docx renamed .xlsx, say), which would be overwritten.
    /// </summary>
    internal static string? OutputProblem(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return "工作簿的文件名要以 .xlsx 结尾";
        }

        if (Directory.Exists(path))
        {
            return "这是一个文件夹，不能写成工作簿";
        }

        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var existing = File.OpenRead(path);
            return WorkbookFile.Problem(existing) is { } problem ? $"已有同名文件，且{problem}：不覆盖它" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"已有同名文件，但读不了它（{e.Message}）：不覆盖它";
        }
    }

    public static async Task<int> RunAsync(LedgerDatabase database, string path, LedgerFilter filter, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var data = await LedgerAccess.QueryAsync(database, errors, async c =>
        {
            var rows = await LedgerQueries.RowsAsync(c, filter, cancellationToken);
            var units = await LedgerQueries.UnitsAsync(c, filter.Unit, cancellationToken);
            return (rows, units);
        }, cancellationToken);
        var (rows, units) = data;
        if (rows is null || units is null)
        {
            return 2;
        }

        try
        {
            LedgerWorkbook.Write(path, rows, units);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{path}: cannot write the workbook: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"{path}: {rows.Count} items of {rows.Select(r => r.DocumentId).Distinct().Count()} documents, {units.Count} units");
        return 0;
    }
}
