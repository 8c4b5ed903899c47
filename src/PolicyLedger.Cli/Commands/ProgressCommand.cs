using System.CommandLine;
using System.Globalization;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger progress add --item K --period P ...</c> (one report) and <c>policyledger progress import FILE.xlsx</c>
/// (a filled report form).
/// </summary>
internal static class ProgressCommand
{
    public static Command Create(LedgerOptions options)
    {
        var command = new Command("progress", "Record progress reports: one with `add`, or a filled report form with `import`.");
        command.Subcommands.Add(CreateAdd(options));
        command.Subcommands.Add(CreateImport(options));
        return command;
    }

    private static Option<string?> By() => new("--by") { Description = "Who reports (default: $POLICYLEDGER_USER, else the OS user)." };

    private static Command CreateAdd(LedgerOptions options)
    {
        var item = new Option<string>("--item") { Description = "The item: its key as `ledger`, `status` and the form show it (济管〔2023〕19号#12).", Required = true };
        var period = new Option<string>("--period") { Description = "The period reported on: 2024Q2, 2024-05, 2024H1.", Required = true };
        var percent = new Option<decimal?>("--percent") { Description = "Completion, 0–100." };
        var done = new Option<bool>("--done") { Description = "The task is done." };
        var figure = new Option<string?>("--figure") { Description = "The figure achieved against the item's main target (12000 or 1.2万)." };
        var narrative = new Option<string?>("--narrative") { Description = "What was done (进展情况)." };
        var evidence = new Option<string[]>("--evidence") { Description = "An evidence file to store (repeatable).", AllowMultipleArgumentsPerToken = true };
        var unit = new Option<string?>("--unit") { Description = "The reporting unit (default: the item's lead or first responsible unit)." };
        var by = By();
        var command = new Command("add", "Add one progress report, or correct the unit's report for that item and period.");
        foreach (var o in new Option[] { item, period, percent, done, figure, narrative, evidence, unit, by })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) =>
        {
            if (!TrackingAccess.TryPeriod(parse.GetValue(period), Console.Error, out var p))
            {
                return Task.FromResult(2);
            }

            decimal? f = null;
            if (parse.GetValue(figure) is { } ft)
            {
                if (!PolicyLedger.Tracking.Forms.ReportFormReader.TryNumber(ft, out var v))
                {
                    Console.Error.WriteLine($"policyledger: figure '{ft}' is not a number");
                    return Task.FromResult(2);
                }

                f = v;
            }

            var input = new ReportInput(parse.GetValue(item)!, p, parse.GetValue(percent), parse.GetValue(done), f, parse.GetValue(narrative), parse.GetValue(evidence) ?? [], parse.GetValue(unit));
            return AddAsync(options.Database(parse), input, parse.GetValue(by), Console.Out, Console.Error, ct);
        });
        return command;
    }

    /// <returns>0 when stored or unchanged, 1 when rejected, 2 when the ledger cannot be used.</returns>
    public static Task<int> AddAsync(LedgerDatabase database, ReportInput input, string? by, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        TrackingAccess.RunAsync(database, by, "progress add", errors, async (service, _) =>
        {
            var result = await service.AddReportAsync(input, ct);
            if (result.Outcome == ReportOutcome.Rejected)
            {
                await errors.WriteLineAsync($"{input.ItemKey}: rejected: {result.Reason}");
                return 1;
            }

            await output.WriteLineAsync($"{result.ItemKey} {input.Period}: {result.Outcome.ToString().ToLowerInvariant()}");
            foreach (var w in result.Warnings)
            {
                await output.WriteLineAsync($"  warning {w.Code}: {w.Message}");
            }

            return 0;
        }, ct);

    private static Command CreateImport(LedgerOptions options)
    {
        var file = new Argument<string>("FILE") { Description = "A filled report form (.xlsx), as `export --xlsx FILE --form` writes it." };
        var period = new Option<string?>("--period") { Description = "Reject the form unless it is for this period." };
        var by = By();
        var command = new Command("import", "Read a filled report form back: invalid rows are rejected with sheet, row and reason; valid rows are stored; the same file again changes nothing.");
        CommandLine.RejectUnknownOptions(file);
        command.Arguments.Add(file);
        command.Options.Add(period);
        command.Options.Add(by);
        command.SetAction((parse, ct) =>
        {
            ReportingPeriod? p = null;
            if (parse.GetValue(period) is { } text)
            {
                if (!TrackingAccess.TryPeriod(text, Console.Error, out var parsed))
                {
                    return Task.FromResult(2);
                }

                p = parsed;
            }

            return ImportAsync(options.Database(parse), parse.GetValue(file)!, p, parse.GetValue(by), Console.Out, Console.Error, ct);
        });
        return command;
    }

    /// <returns>0 when every filled row was stored or unchanged, 1 when any row was rejected, 2 when the file or the ledger cannot be used.</returns>
    public static Task<int> ImportAsync(LedgerDatabase database, string path, ReportingPeriod? period, string? by, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            errors.WriteLine($"{path}: no such file");
            return Task.FromResult(2);
        }

        return TrackingAccess.RunAsync(database, by, $"progress import {Path.GetFileName(path)}", errors, async (service, _) =>
        {
            var result = await service.ImportFormAsync(path, period, ct);
            foreach (var r in result.Rejected)
            {
                await errors.WriteLineAsync($"{path}: {r.Sheet} row {r.Row.ToString(CultureInfo.InvariantCulture)}: {r.Reason}");
            }

            foreach (var r in result.Results.Where(r => r.Warnings.Count > 0))
            {
                foreach (var w in r.Warnings)
                {
                    await output.WriteLineAsync($"{r.ItemKey}: warning {w.Code}: {w.Message}");
                }
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {result.Added} added, {result.Corrected} corrected, {result.Unchanged} unchanged, {result.Rejected.Count} rejected, {result.Read.BlankRows} blank"));
            return result.Rejected.Count == 0 ? 0 : 1;
        }, ct);
    }
}
