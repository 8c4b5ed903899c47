using System.CommandLine;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger cadence [--source ID [--position N] (--every month|quarter|half|year [--due-day D] | --clear)]</c>:
/// lists each document's reporting cadence (as read from its text, or set), or overrides one.
/// </summary>
internal static class CadenceCommand
{
    public static Command Create(LedgerOptions options)
    {
        var source = new Option<long?>("--source") { Description = "The document's source id (the number before # in item keys)." };
        var position = new Option<int>("--position") { Description = "Which document of the file (1 for the first).", DefaultValueFactory = _ => 1 };
        var every = new Option<string?>("--every") { Description = "Override: month, quarter, half or year." };
        every.AcceptOnlyFromAmong("month", "quarter", "half", "year");
        var dueDay = new Option<int?>("--due-day") { Description = "Override: reports due on this day of the next month (次月5日前 → 5); without it, at period end." };
        var clear = new Option<bool>("--clear") { Description = "Remove the override: the text decides again." };
        var by = new Option<string?>("--by") { Description = "Who changes it." };
        var command = new Command("cadence", "List each document's reporting cadence (read from its text: 每季度末 → quarterly at quarter end; 次月5日前 → due on the 5th), or override it.");
        foreach (var o in new Option[] { source, position, every, dueDay, clear, by })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(source), parse.GetValue(position), parse.GetValue(every), parse.GetValue(dueDay), parse.GetValue(clear), parse.GetValue(by), Console.Out, Console.Error, ct));
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, long? source, int position, string? every, int? dueDay, bool clear, string? by, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if ((every is not null || dueDay is not null || clear) && source is null)
        {
            errors.WriteLine("policyledger: an override needs --source");
            return Task.FromResult(2);
        }

        if (dueDay is < 1 or > 31)
        {
            errors.WriteLine("policyledger: --due-day must be 1–31");
            return Task.FromResult(2);
        }

        return TrackingAccess.RunAsync(database, by, "cadence", errors, async (service, _) =>
        {
            if (source is { } id && (every is not null || dueDay is not null || clear))
            {
                PeriodKind? kind = every switch
                {
                    "month" => PeriodKind.Month,
                    "quarter" => PeriodKind.Quarter,
                    "half" => PeriodKind.Half,
                    "year" => PeriodKind.Year,
                    _ => null,
                };
                await service.SetCadenceAsync(id, position - 1, clear ? null : kind, clear ? null : dueDay, ct);
            }

            foreach (var doc in (await service.ItemsAsync(ct)).GroupBy(i => (i.SourceId, i.DocumentPosition)))
            {
                var first = doc.First();
                await output.WriteLineAsync($"{first.SourceId}.{first.DocumentPosition + 1}\t{first.Cadence.Describe()}\t{first.Cadence.Source}\t{first.Document}");
            }

            return 0;
        }, ct);
    }
}
