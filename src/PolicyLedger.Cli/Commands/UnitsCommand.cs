using System.CommandLine;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger units [--unit U] [--format table|json]</c>: each unit, its mentions and its role counts.</summary>
internal static class UnitsCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var format = LedgerOptions.TableOrJson(t);
        var unit = new Option<string?>("--unit") { Description = t.T("只列名称或某一写法包含此文字的单位。", "Only units whose name or a mention contains this text.") };
        var command = new Command("units", t.T(
            "列出台账中的单位：所属辖区、类别、原文写法，以及各单位牵头、负责和配合的事项数。",
            "List the units of the ledger: jurisdiction, kind, mentions as written, and how many items each leads, is responsible for, and cooperates on."));
        command.Options.Add(format);
        command.Options.Add(unit);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(unit), parse.GetValue(format)!, Console.Out, Console.Error, ct, options.Io(parse).English));
        return command;
    }

    public static async Task<int> RunAsync(LedgerDatabase database, string? unit, string format, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default, bool english = false)
    {
        var units = await LedgerAccess.QueryAsync(database, errors, english, c => LedgerQueries.UnitsAsync(c, unit, cancellationToken), cancellationToken);
        if (units is null)
        {
            return 2;
        }

        if (format == "json")
        {
            await output.WriteLineAsync(LedgerJson.Units(units));
            return 0;
        }

        var t = new Terminal(output, english);
        t.Table(
            [t.T("单位", "unit"), t.T("编号", "key"), t.T("辖区", "jurisdiction"), t.T("类别", "kind"), t.T("牵头", "leads"), t.T("责任", "responsible"), t.T("配合", "cooperates"), t.T("写法", "written as")],
            units.Select(u => (IReadOnlyList<string>)[
                u.Unit, u.Key, u.Jurisdiction, LedgerWorkbook.KindName(u.Kind), I(u.Leads), I(u.Responsible), I(u.Cooperates),
                Terminal.Short(string.Join("，", u.Mentions.GroupBy(m => m.Mention).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}")), 60)]));
        t.Line(t.T($"{units.Count}个单位，{units.Sum(u => u.Mentions.Count)}处提及", $"{units.Count} units; {units.Sum(u => u.Mentions.Count)} mentions"));
        return 0;
    }

    private static string I(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
