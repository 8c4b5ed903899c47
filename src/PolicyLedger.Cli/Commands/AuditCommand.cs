using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger audit [--entity T] [--actor WHO] [--item KEY] [--limit N] [--format table|json]</c>: the audit log, newest first, in local time.</summary>
internal static class AuditCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var entity = new Option<string?>("--entity") { Description = t.T("只列此表的变更（items、progress_reports …）。", "Only changes to this table (items, progress_reports …).") };
        var actor = new Option<string?>("--actor") { Description = t.T("只列此人所做的变更。", "Only changes by this person.") };
        var item = new Option<string?>("--item")
        {
            Description = t.T(
                "只列此事项的进展报送、数据和佐证材料的变更（事项编号按 `ledger` 和 `status` 所显示的写：青管〔2023〕7号#12）。",
                "Only changes to this item's progress reports, figures and evidence (its key as `ledger` and `status` show it: 青管〔2023〕7号#12)."),
        };
        var limit = new Option<int>("--limit") { Description = t.T("最多列出的条数。", "At most this many entries."), DefaultValueFactory = _ => 200 };
        var format = LedgerOptions.TableOrJson(t);
        var by = new Option<string?>("--by") { Description = t.T("查询人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。", "Who asks (default: $POLICYLEDGER_USER, else the OS user).") };
        var command = new Command("audit", t.T(
            "列出审计日志：台账的每一次变更（导入、报送、校对），含操作人、时间、对象及变更前后的内容。",
            "List the audit log: every change to the ledger (imports, reports, corrections) with who, when, what, before and after."));
        foreach (var o in new Option[] { entity, actor, item, limit, format, by })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(entity), parse.GetValue(actor), parse.GetValue(limit), parse.GetValue(format)!, parse.GetValue(by), options.Io(parse), ct, parse.GetValue(item)));
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, string? entity, string? actorFilter, int limit, string format, string? by, CliIo io, CancellationToken ct = default, string? item = null) =>
        TrackingAccess.RunAsync(database, by, "audit", io, async (services, actor) =>
        {
            var entries = await services.GetRequiredService<AuditService>().ListAsync(actor, entity, actorFilter, null, limit, ct, item);
            if (!entries.Ok)
            {
                return TrackingAccess.Fail(io, entries.Problem);
            }

            var clock = services.GetRequiredService<TrackingClockSource>();
            if (format == "json")
            {
                io.Out.Writer.WriteLine(TrackingJson.Audit(entries.Value, clock));
                return 0;
            }

            var t = io.Out;
            t.Table(
                [t.T("时间", "at"), t.T("操作人", "actor"), t.T("操作", "action"), t.T("表", "table"), t.T("对象", "key"), t.T("事由", "context"), t.T("修改前 → 修改后", "before → after")],
                entries.Value.Select(a => (IReadOnlyList<string>)[
                    clock.Local(a.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), a.Actor, a.Action, a.Entity, a.EntityKey ?? "", a.Context ?? "",
                    $"{Terminal.Short(a.Before ?? "—", 60)} → {Terminal.Short(a.After ?? "—", 60)}"]));
            return 0;
        }, ct);
}
