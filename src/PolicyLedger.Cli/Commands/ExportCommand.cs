using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tracking.Forms;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger export --xlsx FILE [--jurisdiction J] [--document D] [--unit U] [--as-of DATE]</c>: the 台账 as a workbook, with progress and state.</summary>
internal static class ExportCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var xlsx = new Option<string>("--xlsx") { Description = t.T("写入的工作簿（.xlsx）。", "The workbook to write (.xlsx)."), Required = true };
        var unit = new Option<string?>("--unit")
        {
            Description = t.T(
                "只导出此单位的事项（写单位名称；多个单位同名时写单位编号）。",
                "Only items of this unit (its name, or its key where several units share the name)."),
        };
        var asOf = new Option<string?>("--as-of") { Description = t.T("按此日期填写进展和状态（缺省为今天）。", "Fill 进展 and 状态 as of this date (default: today).") };
        var by = new Option<string?>("--by") { Description = t.T("导出人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。", "Who exports (default: $POLICYLEDGER_USER, else the OS user).") };
        var command = new Command("export", t.T(
            "将台账导出为 Excel 工作簿：每份文件一张台账格式的工作表（含进展和状态），另加一张责任矩阵表；用 --form 时导出一个单位的报送表。",
            "Export the ledger to an Excel workbook: one sheet per document in the 台账 layout with 进展 and 状态, and a 责任矩阵 sheet; or with --form a unit's report form."));
        command.Options.Add(xlsx);
        command.Options.Add(unit);
        command.Options.Add(asOf);
        command.Options.Add(by);
        var scope = TrackingAccess.AddScope(command, t);
        var (form, period) = ReportFormExport.AddOptions(command, t);
        command.SetAction((parse, ct) =>
        {
            var io = options.Io(parse);
            if (OutputProblem(parse.GetValue(xlsx)!) is { } problem)
            {
                io.Err.Line($"{SafeText.OneLine(parse.GetValue(xlsx))}: {problem}");
                return Task.FromResult(2);
            }

            if (parse.GetValue(form))
            {
                return ReportFormExport.RunAsync(options.Database(parse), parse.GetValue(xlsx)!, parse.GetValue(unit), parse.GetValue(period), scope.Of(parse), parse.GetValue(by), io, ct);
            }

            if (!TrackingAccess.TryDate(parse.GetValue(asOf), io, out var date, "--as-of"))
            {
                return Task.FromResult(2);
            }

            return RunAsync(options.Database(parse), parse.GetValue(xlsx)!, scope.Of(parse), parse.GetValue(unit), date, parse.GetValue(by), io, ct);
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

    public static Task<int> RunAsync(LedgerDatabase database, string path, TrackingScope scope, string? unit, DateOnly asOf, string? by, CliIo io, CancellationToken ct = default) =>
        TrackingAccess.RunAsync(database, by, "export", io, async (services, actor) =>
        {
            Result<LedgerExport> result;
            try
            {
                result = await services.GetRequiredService<LedgerExportService>().WriteAsync(actor, path, scope, unit, asOf, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Err.Line(io.Err.T($"{path}：无法写入工作簿：{e.Message}", $"{path}: cannot write the workbook: {e.Message}"));
                return 1;
            }

            if (!result.Ok)
            {
                return TrackingAccess.Fail(io, result.Problem);
            }

            var x = result.Value;
            io.Out.Line(io.Out.T($"{path}：{x.Documents}个文件的{x.Items}项任务，{x.Units}个单位，进展截至{x.AsOf:yyyy-MM-dd}", $"{path}: {x.Items} items of {x.Documents} documents, {x.Units} units, progress as of {x.AsOf:yyyy-MM-dd}"));
            return 0;
        }, ct);
}
