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
        var format = new Option<string>("--format") { Description = "Output format: table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var unit = new Option<string?>("--unit") { Description = "Only units whose name or a mention contains this text." };
        var command = new Command("units", "List the units of the ledger: jurisdiction, kind, mentions as written, and how many items each leads, is responsible for, and cooperates on.");
        command.Options.Add(format);
        command.Options.Add(unit);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(unit), parse.GetValue(format)!, Console.Out, Console.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(LedgerDatabase database, string? unit, string format, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var units = await LedgerAccess.QueryAsync(database, errors, c => LedgerQueries.UnitsAsync(c, unit, cancellationToken), cancellationToken);
        if (units is null)
        {
            return 2;
        }

        if (format == "json")
        {
            await output.WriteLineAsync(LedgerJson.Units(units));
            return 0;
        }

        await output.WriteLineAsync($"{"单位",-24}\t辖区\t类别\t牵头\t责任\t配合\t写法");
        foreach (var u in units)
        {
            var written = u.Mentions.GroupBy(m => m.Mention).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}");
            await output.WriteLineAsync($"{u.Unit,-24}\t{u.Jurisdiction}\t{LedgerWorkbook.KindName(u.Kind)}\t{u.Leads}\t{u.Responsible}\t{u.Cooperates}\t{string.Join("，", written)}");
        }

        await output.WriteLineAsync($"{units.Count} units; {units.Sum(u => u.Mentions.Count)} mentions");
        return 0;
    }
}
