using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger scope [--jurisdiction J | --document D | --clear]</c>: the jurisdictions of the ledger and the
/// default scope of supervision that status, bulletin, export and forms use when none is given.
/// </summary>
internal static class ScopeCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var clear = new Option<bool>("--clear") { Description = t.T("清除保存的缺省范围：各命令重新覆盖全部辖区。", "Remove the saved default: commands cover every jurisdiction again.") };
        var by = new Option<string?>("--by") { Description = t.T("修改人。", "Who changes it.") };
        var command = new Command("scope", t.T(
            "显示台账中的辖区和缺省督办范围；用 --jurisdiction 或 --document 保存缺省范围，用 --clear 清除。",
            "Show the jurisdictions of the ledger and the default scope of supervision; with --jurisdiction or --document save it, with --clear remove it."));
        command.Options.Add(clear);
        command.Options.Add(by);
        var scope = TrackingAccess.AddScope(command, t);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), scope.Of(parse), parse.GetValue(clear), parse.GetValue(by), options.Io(parse), ct));
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, TrackingScope scope, bool clear, string? by, CliIo io, CancellationToken ct = default) =>
        TrackingAccess.RunAsync(database, by, "scope", io, async (services, actor) =>
        {
            var scopes = services.GetRequiredService<ScopeService>();
            if (clear || !scope.IsEmpty)
            {
                var saved = await scopes.SaveDefaultAsync(actor, clear ? TrackingScope.Default : scope, ct);
                if (!saved.Ok)
                {
                    return TrackingAccess.Fail(io, saved.Problem);
                }
            }

            var all = await services.GetRequiredService<TrackingItems>().AllAsync(ct);
            var t = io.Out;
            t.Table(
                [t.T("辖区", "jurisdiction"), t.T("文件数", "documents"), t.T("事项数", "items"), t.T("责任单位数", "units")],
                all.Where(i => Permissions.Sees(actor, i)).GroupBy(i => i.Jurisdiction).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)[
                    Problems.JurisdictionName(g.Key, t.English), g.Select(i => i.DocumentId).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    g.SelectMany(i => i.Units).Select(u => u.Id).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            var current = await scopes.DefaultAsync(ct);
            t.Line(current.IsEmpty
                ? t.T("默认范围：未设置（status、bulletin、export 覆盖全部辖区；通报须指定一个辖区）", "default scope: none (status, bulletin and export cover every jurisdiction; a bulletin needs one)")
                : t.T($"默认范围：{current.Jurisdiction}{current.Document}", $"default scope: {current.Jurisdiction}{current.Document}"));
            return 0;
        }, ct);
}
