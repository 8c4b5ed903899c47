using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger cadence [--source ID [--position N] (--every month|quarter|half|year [--due-day D] | --clear)]</c>:
/// lists each document's reporting cadence (as read from its text at import, or set), or overrides one.
/// </summary>
internal static class CadenceCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var source = new Option<long?>("--source") { Description = t.T("文件的来源编号（列表中的“来源”列）。", "The document's source number (the 来源 column of the list).") };
        var position = new Option<int>("--position") { Description = t.T("文件中的第几份公文（第一份为 1）。", "Which document of the file (1 for the first)."), DefaultValueFactory = _ => 1 };
        var every = new Option<string?>("--every") { Description = t.T("改定报送频次：month（每月）、quarter（每季度）、half（每半年）或 year（每年）。", "Override: month, quarter, half or year.") };
        every.AcceptOnlyFromAmong("month", "quarter", "half", "year");
        var dueDay = new Option<int?>("--due-day")
        {
            Description = t.T(
                "改定报送截止日：次月此日前报送（次月5日前 → 5）；不给则在期末报送。",
                "Override: reports due on this day of the next month (次月5日前 → 5); without it, at period end."),
        };
        var clear = new Option<bool>("--clear") { Description = t.T("撤销改定：重新按文件原文确定。", "Remove the override: the text decides again.") };
        var format = LedgerOptions.TableOrJson(t);
        var by = new Option<string?>("--by") { Description = t.T("修改人。", "Who changes it.") };
        var command = new Command("cadence", t.T(
            "列出各文件的报送频次（导入时从原文读出：每季度末 → 每季度末报送；次月5日前 → 次月5日前报送），或改定报送频次。",
            "List each document's reporting cadence (read from its text when imported: 每季度末 → quarterly at quarter end; 次月5日前 → due on the 5th), or override it."));
        foreach (var o in new Option[] { source, position, every, dueDay, clear, format, by })
        {
            command.Options.Add(o);
        }

        var scope = TrackingAccess.AddScope(command, t);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), new Change(parse.GetValue(source), parse.GetValue(position), parse.GetValue(every), parse.GetValue(dueDay), parse.GetValue(clear)), scope.Of(parse), parse.GetValue(format)!, parse.GetValue(by), options.Io(parse), ct));
        return command;
    }

    /// <summary>An override asked for (Source null: only list).</summary>
    public sealed record Change(long? Source, int Position, string? Every, int? DueDay, bool Clear)
    {
        public bool Any => Every is not null || DueDay is not null || Clear;
    }

    public static Task<int> RunAsync(LedgerDatabase database, Change change, TrackingScope scope, string format, string? by, CliIo io, CancellationToken ct = default)
    {
        if (change.Any && change.Source is null)
        {
            io.Err.Line(io.Err.T("policyledger：修改报送频次需要 --source（cadence 命令列出各文件的来源编号）", "policyledger: an override needs --source"));
            return Task.FromResult(2);
        }

        return TrackingAccess.RunAsync(database, by, "cadence", io, async (services, actor) =>
        {
            var cadences = services.GetRequiredService<CadenceService>();
            if (change.Source is { } id && change.Any)
            {
                PeriodKind? kind = change.Every switch
                {
                    "month" => PeriodKind.Month,
                    "quarter" => PeriodKind.Quarter,
                    "half" => PeriodKind.Half,
                    "year" => PeriodKind.Year,
                    _ => null,
                };
                var set = await cadences.SetAsync(actor, id, change.Position - 1, change.Clear ? null : kind, change.Clear ? null : change.DueDay, ct);
                if (!set.Ok)
                {
                    return TrackingAccess.Fail(io, set.Problem);
                }
            }

            var list = await cadences.ListAsync(actor, scope, ct);
            if (!list.Ok)
            {
                return TrackingAccess.Fail(io, list.Problem);
            }

            if (format == "json")
            {
                io.Out.Writer.WriteLine(TrackingJson.Cadences(list.Value));
                return 0;
            }

            var t = io.Out;
            t.Table(
                [t.T("来源", "source"), t.T("文件", "document"), t.T("辖区", "jurisdiction"), t.T("报送频次", "cadence"), t.T("依据", "from")],
                list.Value.Select(c => (IReadOnlyList<string>)[$"{c.SourceId}.{c.Position + 1}", c.DocumentKey, c.Jurisdiction, Describe(c.Cadence, t), Terminal.Short(c.Cadence.Source, 40)]));
            return 0;
        }, ct);
    }

    private static string Describe(ReportingCadence c, Terminal t) => t.English
        ? c.Describe()
        : (c.Kind switch { PeriodKind.Month => "每月", PeriodKind.Quarter => "每季度", PeriodKind.Half => "每半年", _ => "每年" })
            + (c.DueDayOfNextMonth is { } d ? $"，次月{d}日前报送" : "，期末报送");
}
