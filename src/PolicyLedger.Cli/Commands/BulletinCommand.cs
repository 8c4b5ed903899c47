using System.CommandLine;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger bulletin --period 2024Q2 --format docx|md [--output FILE]</c>: a progress bulletin (通报).</summary>
internal static class BulletinCommand
{
    public const string DefaultIssuer = "重点工作督查办公室";

    public const string DefaultAddressees = "各责任单位";

    public static Command Create(LedgerOptions options)
    {
        var period = new Option<string>("--period") { Description = "The period: 2024Q2, 2024-05, 2024H1.", Required = true };
        var format = new Option<string>("--format") { Description = "docx or md.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("docx", "md");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: bulletin-PERIOD.docx|md; md without --output goes to standard output)." };
        var asOf = new Option<string?>("--as-of") { Description = "Judge states at this date (default: the period's due date)." };
        var date = new Option<string?>("--date") { Description = "The bulletin's date (default: today in China)." };
        var issuer = new Option<string>("--issuer") { Description = "Who issues it.", DefaultValueFactory = _ => DefaultIssuer };
        var to = new Option<string[]>("--to") { Description = "主送 (repeatable; default: 各责任单位).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("bulletin", "Write a progress bulletin: counts per state, units ranked by completion and timeliness, overdue items for 挂牌督办, units that reported late.");
        foreach (var o in new Option[] { period, format, output, asOf, date, issuer, to })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) =>
        {
            if (!TrackingAccess.TryPeriod(parse.GetValue(period), Console.Error, out var p))
            {
                return Task.FromResult(2);
            }

            DateOnly? at = null;
            if (parse.GetValue(asOf) is { } a)
            {
                if (!TrackingAccess.TryDate(a, Console.Error, out var d))
                {
                    return Task.FromResult(2);
                }

                at = d;
            }

            if (!TrackingAccess.TryDate(parse.GetValue(date), Console.Error, out var on))
            {
                return Task.FromResult(2);
            }

            return RunAsync(options.Database(parse), p, parse.GetValue(format)!, parse.GetValue(output), at, on, parse.GetValue(issuer)!, parse.GetValue(to) ?? [], Console.Out, Console.Error, ct);
        });
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, ReportingPeriod period, string format, string? output, DateOnly? asOf, DateOnly date, string issuer, IReadOnlyList<string> to, TextWriter stdout, TextWriter errors, CancellationToken ct = default) =>
        TrackingAccess.RunAsync(database, null, "bulletin", errors, async (service, _) =>
        {
            var bulletin = await service.BulletinAsync(period, asOf, issuer, to, date, ct);
            if (to.Count == 0)
            {
                bulletin = bulletin with { Addressees = [DefaultAddressees] };
            }

            try
            {
                if (format == "docx")
                {
                    var path = output ?? $"bulletin-{period}.docx";
                    DocxBulletinWriter.Write(bulletin, path);
                    await stdout.WriteLineAsync($"{path}: bulletin for {period}, {bulletin.Total} items, {bulletin.Overdue.Count} overdue, {bulletin.LateUnits.Count} units late");
                }
                else if (output is null)
                {
                    await stdout.WriteAsync(MarkdownBulletinWriter.Write(bulletin));
                }
                else
                {
                    await File.WriteAllTextAsync(output, MarkdownBulletinWriter.Write(bulletin), ct);
                    await stdout.WriteLineAsync($"{output}: bulletin for {period}, {bulletin.Total} items, {bulletin.Overdue.Count} overdue, {bulletin.LateUnits.Count} units late");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"{output}: cannot write the bulletin: {e.Message}");
                return 1;
            }

            return 0;
        }, ct);
}
