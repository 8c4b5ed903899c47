using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger progress add --item K --period P [--on DATE] ...</c> (one report) and
/// <c>policyledger progress import FILE.xlsx</c> (a filled report form).
/// </summary>
internal static class ProgressCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var command = new Command("progress", t.T("登记进展报送：用 `add` 逐条登记，或用 `import` 导入填好的报送表。", "Record progress reports: one with `add`, or a filled report form with `import`."));
        command.Subcommands.Add(CreateAdd(options));
        command.Subcommands.Add(CreateImport(options));
        return command;
    }

    private static Option<string?> By(Texts t) => new("--by")
    {
        Description = t.T(
            "报送人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。",
            "Who reports (default: $POLICYLEDGER_USER, else the OS user)."),
    };

    private static Option<string?> On(Texts t) => new("--on")
    {
        Description = t.T(
            "报送日期（2024-06-28、2024/6/28、2024年6月28日）；缺省为机关所在时区的今天。",
            "The day the report was submitted (2024-06-28, 2024/6/28, 2024年6月28日); default: today in the offices' time zone."),
    };

    private static Command CreateAdd(LedgerOptions options)
    {
        var t = options.Texts;
        var item = new Option<string>("--item")
        {
            Description = t.T(
                "事项：按 `ledger`、`status` 和报送表所显示的编号写（某政〔2024〕3号#12）。",
                "The item: its key as `ledger`, `status` and the form show it (某政〔2024〕3号#12)."),
            Required = true,
        };
        var period = new Option<string>("--period") { Description = t.T("报送的期间：2024Q2、2024-05、2024H1。", "The period reported on: 2024Q2, 2024-05, 2024H1."), Required = true };
        var percent = new Option<decimal?>("--percent") { Description = t.T("完成百分比，0–100。", "Completion, 0–100.") };
        var done = new Option<bool>("--done") { Description = t.T("任务已完成。", "The task is done.") };
        var figure = new Option<string?>("--figure")
        {
            Description = t.T(
                "对照事项主要目标已完成的数量（12000、1.2万、30家、3.5亿元）。",
                "The figure achieved against the item's main target (12000, 1.2万, 30家, 3.5亿元)."),
        };
        var narrative = new Option<string?>("--narrative") { Description = t.T("进展情况：做了哪些工作。", "What was done (进展情况).") };
        var evidence = new Option<string[]>("--evidence")
        {
            Description = t.T(
                "要保存的佐证材料文件（可重复）。",
                "An evidence file to store (repeatable)."),
            AllowMultipleArgumentsPerToken = true,
        };
        var unit = new Option<string?>("--unit") { Description = t.T("报送单位（缺省为该事项的牵头单位，或第一个责任单位）。", "The reporting unit (default: the item's lead or first responsible unit).") };
        var on = On(t);
        var by = By(t);
        var command = new Command("add", t.T("登记一条进展报送，或更正该单位对该事项、该期间的报送。", "Add one progress report, or correct the unit's report for that item and period."));
        foreach (var o in new Option[] { item, period, percent, done, figure, narrative, evidence, unit, on, by })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) =>
        {
            var io = options.Io(parse);
            if (!TrackingAccess.TryPeriod(parse.GetValue(period), io, out var p))
            {
                return Task.FromResult(2);
            }

            DateOnly? submitted = null;
            if (parse.GetValue(on) is { } onText)
            {
                if (!TrackingAccess.TryDate(onText, io, out var d, "--on"))
                {
                    return Task.FromResult(2);
                }

                submitted = d;
            }

            return AddAsync(options.Database(parse), new AddRequest(parse.GetValue(item)!, p, parse.GetValue(percent), parse.GetValue(done), parse.GetValue(figure), parse.GetValue(narrative), parse.GetValue(evidence) ?? [], parse.GetValue(unit), submitted), parse.GetValue(by), io, ct);
        });
        return command;
    }

    /// <summary>What `progress add` was given, before its files are read and its figure is checked against the item.</summary>
    public sealed record AddRequest(string Item, ReportingPeriod Period, decimal? Percent, bool Done, string? Figure, string? Narrative, IReadOnlyList<string> Evidence, string? Unit, DateOnly? On);

    /// <returns>0 when stored or unchanged, 1 when rejected, 2 when the input or the ledger cannot be used, 3 when not allowed.</returns>
    public static async Task<int> AddAsync(LedgerDatabase database, AddRequest request, string? by, CliIo io, CancellationToken ct = default)
    {
        // The files the user names on the command line are the ones they attach.
        var files = new List<EvidenceFile>();
        foreach (var path in request.Evidence)
        {
            try
            {
                files.Add(new EvidenceFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Err.Line(io.Err.T($"{path}：佐证材料无法读取：{e.Message}", $"{path}: the evidence file cannot be read: {e.Message}"));
                return 2;
            }
        }

        return await TrackingAccess.RunAsync(database, by, "progress add", io, async (services, actor) =>
        {
            decimal? figure = null;
            if (request.Figure is { } text)
            {
                var item = (await services.GetRequiredService<TrackingItems>().FindAsync(request.Item, ct)).Item;
                var (value, problem) = FigureText.Read(text, item?.TargetUnit);
                if (problem is not null)
                {
                    io.Err.Line($"{request.Item}: {problem}");
                    return 2;
                }

                figure = value;
            }

            var input = new ReportInput(request.Item, request.Period, request.Percent, request.Done, figure, request.Narrative, files, request.Unit, null, request.On);
            var result = await services.GetRequiredService<ReportService>().AddAsync(actor, input, ct);
            if (result.Outcome == ReportOutcome.Rejected)
            {
                io.Err.Line(io.Err.T($"{request.Item}：未采纳：{result.Problem!.Code} {result.Problem.Message}", $"{request.Item}: rejected: {result.Problem!.Code} {result.Problem.English}"));
                return result.Problem.Kind == ProblemKind.Denied ? 3 : 1;
            }

            io.Out.Line($"{result.ItemKey} {request.Period}: {Outcome(result.Outcome, io)}");
            foreach (var w in result.Warnings)
            {
                io.Out.Line(io.Out.T($"  提醒 {w.Code}：{w.Message}", $"  warning {w.Code}: {w.Message}"));
            }

            return 0;
        }, ct);
    }

    private static string Outcome(ReportOutcome outcome, CliIo io) => outcome switch
    {
        ReportOutcome.Added => io.Out.T("已添加", "added"),
        ReportOutcome.Corrected => io.Out.T("已更正", "corrected"),
        ReportOutcome.Unchanged => io.Out.T("未变化", "unchanged"),
        _ => io.Out.T("未采纳", "rejected"),
    };

    private static Command CreateImport(LedgerOptions options)
    {
        var t = options.Texts;
        var file = new Argument<string>("FILE")
        {
            Description = t.T(
                "填好的报送表（.xlsx），即 `export --xlsx FILE --form` 导出的格式。",
                "A filled report form (.xlsx), as `export --xlsx FILE --form` writes it."),
        };
        var period = new Option<string?>("--period") { Description = t.T("报送表不属于此期间则拒收。", "Reject the form unless it is for this period.") };
        var root = new Option<string?>("--evidence-root")
        {
            Description = t.T(
                "报送表中所列佐证材料所在的文件夹（缺省为报送表所在的文件夹）；不读取此文件夹以外的任何文件。",
                "The folder evidence files named in the form are taken from (default: the form's own folder); nothing outside it is read."),
        };
        var on = On(t);
        var by = By(t);
        var command = new Command("import", t.T(
            "读回填好的报送表：有误的行逐一列出问题及其工作表和行号；有效的行予以保存；同一文件再次导入不会有任何改变。",
            "Read a filled report form back: every problem of a bad row is listed with sheet and row; valid rows are stored; the same file again changes nothing."));
        CommandLine.RejectUnknownOptions(file, t);
        command.Arguments.Add(file);
        foreach (var o in new Option[] { period, root, on, by })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) =>
        {
            var io = options.Io(parse);
            ReportingPeriod? p = null;
            if (parse.GetValue(period) is { } text)
            {
                if (!TrackingAccess.TryPeriod(text, io, out var parsed))
                {
                    return Task.FromResult(2);
                }

                p = parsed;
            }

            DateOnly? submitted = null;
            if (parse.GetValue(on) is { } onText)
            {
                if (!TrackingAccess.TryDate(onText, io, out var d, "--on"))
                {
                    return Task.FromResult(2);
                }

                submitted = d;
            }

            return ImportAsync(options.Database(parse), parse.GetValue(file)!, p, parse.GetValue(by), io, parse.GetValue(root), submitted, ct);
        });
        return command;
    }

    /// <returns>0 when every filled row was stored or unchanged, 1 when any row was rejected, 2 when the file or the ledger cannot be used, 3 when not allowed.</returns>
    public static Task<int> ImportAsync(LedgerDatabase database, string path, ReportingPeriod? period, string? by, CliIo io, string? evidenceRoot = null, DateOnly? on = null, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            io.Err.Line(io.Err.T($"{path}：没有这个文件", $"{path}: no such file"));
            return Task.FromResult(2);
        }

        if (evidenceRoot is not null && !Directory.Exists(evidenceRoot))
        {
            io.Err.Line(io.Err.T($"{evidenceRoot}：佐证材料文件夹不存在", $"{evidenceRoot}: no such evidence folder"));
            return Task.FromResult(2);
        }

        return TrackingAccess.RunAsync(database, by, $"progress import {Path.GetFileName(path)}", io, async (services, actor) =>
        {
            var imported = await services.GetRequiredService<ReportService>().ImportFormAsync(actor, path, period, evidenceRoot, on, ct);
            if (!imported.Ok)
            {
                return TrackingAccess.Fail(io, imported.Problem);
            }

            var result = imported.Value;
            if (result.Rejected.FirstOrDefault(r => r.Row == 0) is { } refused)
            {
                // The file as a whole is not a form that can be read (no header row, not a workbook): nothing was stored.
                io.Err.Line($"{path}：{refused.Reason}");
                return 2;
            }

            foreach (var r in result.Rejected)
            {
                io.Err.Line(io.Err.T($"{path}：{r.Sheet} 第{r.Row.ToString(CultureInfo.InvariantCulture)}行：{r.Reason}", $"{path}: {r.Sheet} row {r.Row.ToString(CultureInfo.InvariantCulture)}: {r.Reason}"));
            }

            foreach (var r in result.Results.Where(r => r.Warnings.Count > 0))
            {
                foreach (var w in r.Warnings)
                {
                    io.Out.Line(io.Out.T($"{r.ItemKey}：提醒 {w.Code}：{w.Message}", $"{r.ItemKey}: warning {w.Code}: {w.Message}"));
                }
            }

            io.Out.Line(io.Out.T(
                string.Create(CultureInfo.InvariantCulture, $"{path}：添加{result.Added}行，更正{result.Corrected}行，未变化{result.Unchanged}行，未采纳{result.Rejected.Count}行，空行{result.Read.BlankRows}行"),
                string.Create(CultureInfo.InvariantCulture, $"{path}: {result.Added} added, {result.Corrected} corrected, {result.Unchanged} unchanged, {result.Rejected.Count} rejected, {result.Read.BlankRows} blank")));
            return result.Rejected.Count == 0 ? 0 : 1;
        }, ct);
    }
}
