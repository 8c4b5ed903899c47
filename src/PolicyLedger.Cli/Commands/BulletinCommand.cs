using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger bulletin --period 2024Q2 [--jurisdiction J | --document D] [--format docx|md] [-o FILE]</c>: a progress bulletin (通报) of one jurisdiction.</summary>
internal static class BulletinCommand
{
    public const string DefaultIssuer = "重点工作督查办公室";

    public const string DefaultAddressees = "各责任单位";

    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var period = new Option<string>("--period")
        {
            Description = t.T(
                "通报期间：2024Q2、2024-05、2024H1、2024（也可写 2024年第二季度 …）。",
                "The period: 2024Q2, 2024-05, 2024H1, 2024 (or 2024年第二季度 …)."),
            Required = true,
        };
        var format = new Option<string>("--format") { Description = t.T("docx 或 md。", "docx or md."), DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("docx", "md");
        var output = new Option<string?>("--output", "-o")
        {
            Description = t.T(
                "写入的文件（缺省为 bulletin-PERIOD.docx|md；md 格式不给 --output 时输出到标准输出）。",
                "The file to write (default: bulletin-PERIOD.docx|md; md without --output goes to standard output)."),
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = t.T(
                "按此日期判定状态（缺省为该期间最后一次报送的截止日）。",
                "Judge states at this date (default: when the period's last reports fell due)."),
        };
        var date = new Option<string?>("--date") { Description = t.T("通报的落款日期（缺省为今天）。", "The bulletin's date (default: today).") };
        var issuer = new Option<string>("--issuer") { Description = t.T("发文单位。", "Who issues it."), DefaultValueFactory = _ => DefaultIssuer };
        var to = new Option<string[]>("--to") { Description = t.T("主送单位（可重复；缺省为各责任单位）。", "主送 (repeatable; default: 各责任单位)."), AllowMultipleArgumentsPerToken = true };
        var by = new Option<string?>("--by") { Description = t.T("撰写人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。", "Who writes it (default: $POLICYLEDGER_USER, else the OS user).") };
        var command = new Command("bulletin", t.T(
            "生成一个辖区的进展通报：各状态的事项数，按完成情况和报送及时性排序的单位，拟挂牌督办的逾期事项，逾期报送的单位。",
            "Write a progress bulletin of one jurisdiction: counts per state, units ranked by completion and timeliness, overdue items for 挂牌督办, units that reported late."));
        foreach (var o in new Option[] { period, format, output, asOf, date, issuer, to, by })
        {
            command.Options.Add(o);
        }

        var scope = TrackingAccess.AddScope(command, t);
        command.SetAction((parse, ct) =>
        {
            var io = options.Io(parse);
            if (!TrackingAccess.TryPeriod(parse.GetValue(period), io, out var p))
            {
                return Task.FromResult(2);
            }

            DateOnly? at = null;
            if (parse.GetValue(asOf) is { } a)
            {
                if (!TrackingAccess.TryDate(a, io, out var d, "--as-of"))
                {
                    return Task.FromResult(2);
                }

                at = d;
            }

            if (!TrackingAccess.TryDate(parse.GetValue(date), io, out var on, "--date"))
            {
                return Task.FromResult(2);
            }

            var to2 = parse.GetValue(to) is { Length: > 0 } t ? t : [DefaultAddressees];
            var request = new BulletinRequest(p, scope.Of(parse), at, on, parse.GetValue(issuer)!, to2);
            return RunAsync(options.Database(parse), request, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(by), io, ct);
        });
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, BulletinRequest request, string format, string? output, string? by, CliIo io, CancellationToken ct = default) =>
        TrackingAccess.RunAsync(database, by, "bulletin", io, async (services, actor) =>
        {
            var result = await services.GetRequiredService<BulletinService>().BulletinAsync(actor, request, ct);
            if (!result.Ok)
            {
                return TrackingAccess.Fail(io, result.Problem);
            }

            var bulletin = result.Value;
            var path = output ?? (format == "docx" ? $"bulletin-{request.Period}.docx" : null);
            try
            {
                if (format == "docx")
                {
                    DocxBulletinWriter.Write(bulletin, path!);
                }
                else if (path is null)
                {
                    await io.Out.Writer.WriteAsync(MarkdownBulletinWriter.Write(bulletin));
                    return 0;
                }
                else
                {
                    await File.WriteAllTextAsync(path, MarkdownBulletinWriter.Write(bulletin), ct);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Err.Line(io.Err.T($"{path}：无法写入通报：{e.Message}", $"{path}: cannot write the bulletin: {e.Message}"));
                return 1;
            }

            io.Out.Line(io.Out.T(
                $"{path}：{bulletin.Scope}{request.Period.ToChinese()}通报，截至{bulletin.AsOf:yyyy-MM-dd}，{bulletin.Total}项，逾期{bulletin.Overdue.Count}项，{bulletin.LateUnits.Count}个单位未按时报送",
                $"{path}: bulletin of {bulletin.Scope} for {request.Period} as of {bulletin.AsOf:yyyy-MM-dd}, {bulletin.Total} items, {bulletin.Overdue.Count} overdue, {bulletin.LateUnits.Count} units late"));
            return 0;
        }, ct);
}
