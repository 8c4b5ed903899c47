using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger status [--as-of DATE] [--jurisdiction J] [--document D] [--unit U] [--state S] [--format table|json]</c>: each item's state at a date.</summary>
internal static class StatusCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var asOf = new Option<string?>("--as-of")
        {
            Description = t.T(
                "判定状态的日期（2024-07-10、2024/7/10、2024年7月10日）。缺省为机关所在时区的今天。",
                "The date to judge at (2024-07-10, 2024/7/10, 2024年7月10日). Default: today in the offices' time zone."),
        };
        var format = LedgerOptions.TableOrJson(t);
        var unit = new Option<string?>("--unit")
        {
            Description = t.T(
                "只列此单位的事项（写单位名称；多个单位同名时写单位编号）。",
                "Only items of this unit (its name, or its key where several units share the name)."),
        };
        var state = new Option<string?>("--state") { Description = t.T("只列此状态的事项（overdue、逾期 …）。", "Only items in this state (overdue, 逾期 …).") };
        var by = new Option<string?>("--by") { Description = t.T("查询人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。", "Who asks (default: $POLICYLEDGER_USER, else the OS user).") };
        var command = new Command("status", t.T(
            "各事项在某日的状态（已完成、超进度、达进度、欠进度、逾期、未报送、无时限），及其亮灯、完成时限和最近一次报送。",
            "Each item's state at a date (已完成, 超进度, 达进度, 欠进度, 逾期, 未报送, 无时限), its light, deadline and last report."));
        foreach (var o in new Option[] { asOf, format, unit, state, by })
        {
            command.Options.Add(o);
        }

        var scope = TrackingAccess.AddScope(command, t);
        command.SetAction((parse, ct) =>
        {
            var io = options.Io(parse);
            if (!TrackingAccess.TryDate(parse.GetValue(asOf), io, out var date, "--as-of"))
            {
                return Task.FromResult(2);
            }

            return RunAsync(options.Database(parse), new StatusQuery(scope.Of(parse), date, parse.GetValue(unit)), parse.GetValue(state), parse.GetValue(format)!, parse.GetValue(by), io, ct);
        });
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, StatusQuery query, string? state, string format, string? by, CliIo io, CancellationToken ct = default)
    {
        if (state is not null)
        {
            if (!TrackingStates.TryParse(state, out var s))
            {
                io.Err.Line(io.Err.T($"policyledger：没有“{state}”这种状态：可选 {string.Join("、", TrackingStates.All.Select(x => $"{x.Code()}（{x.Chinese()}）"))}", $"policyledger: unknown state '{state}': one of {string.Join(", ", TrackingStates.All.Select(x => x.Code()))}"));
                return Task.FromResult(2);
            }

            query = query with { State = s };
        }

        return TrackingAccess.RunAsync(database, by, "status", io, async (services, actor) =>
        {
            var report = await services.GetRequiredService<StatusService>().StatusAsync(actor, query, ct);
            if (!report.Ok)
            {
                return TrackingAccess.Fail(io, report.Problem);
            }

            if (format == "json")
            {
                io.Out.Writer.WriteLine(TrackingJson.Status(report.Value.Rows));
            }
            else
            {
                Table(report.Value, io.Out);
            }

            return 0;
        }, ct);
    }

    private static void Table(StatusReport report, Terminal t)
    {
        var rows = report.Rows;
        var scope = report.Scope.Description;
        t.Line(t.T($"截至{Day(report.AsOf)}的进展状态（范围：{(scope.Length > 0 ? scope : "全部")}）：共{rows.Count}项", $"status as of {Day(report.AsOf)} ({(scope.Length > 0 ? scope : "all")}): {rows.Count} items"));
        foreach (var g in rows.GroupBy(r => r.Status.State).OrderBy(g => g.Key))
        {
            t.Line(t.T($"  {g.Key.Chinese()} {g.Count()}项", $"  {g.Key.Code()}: {g.Count()}"));
        }

        if (rows.Count == 0)
        {
            return;
        }

        var several = rows.Select(r => r.Item.Jurisdiction).Distinct().Count() > 1;
        var headers = new List<string>
        {
            t.T("事项编号", "item"), t.T("状态", "state"), t.T("灯", "light"), t.T("完成时限", "deadline"), t.T("最近报告", "last report"), t.T("责任单位", "units"),
        };
        if (several)
        {
            headers.Add(t.T("辖区", "jurisdiction"));
        }

        headers.Add(t.T("任务内容", "task"));
        t.Table(headers, rows.Select(r =>
        {
            var l = r.Status.LastReport;
            var last = l is null ? "—" : $"{l.Period} {(l.IsDone ? t.T("已完成", "done") : (l.Percent ?? 0).ToString("0.#", CultureInfo.InvariantCulture) + "%")}（{Day(l.SubmittedOn)}）";
            var cells = new List<string>
            {
                r.Item.Key,
                t.English ? r.Status.State.Code() : r.Status.State.Chinese(),
                t.English ? r.Status.Light.Code() : Light(r.Status.Light),
                r.Status.Deadline is { } d ? Day(d) : "—",
                last,
                string.Join("、", r.Item.Units.Select(u => u.Name)),
            };
            if (several)
            {
                cells.Add(r.Item.Jurisdiction);
            }

            cells.Add(Terminal.Short(r.Item.Text, 30));
            return (IReadOnlyList<string>)cells;
        }));
    }

    internal static string Light(TrafficLight light) => light switch
    {
        TrafficLight.Green => "绿",
        TrafficLight.Yellow => "黄",
        TrafficLight.Red => "红",
        _ => "灰",
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
