using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger status [--as-of DATE] [--format table|json] [--unit U] [--state S]</c>: each item's state at a date.</summary>
internal static class StatusCommand
{
    public static Command Create(LedgerOptions options)
    {
        var asOf = new Option<string?>("--as-of") { Description = "The date to judge at (2024-07-10). Default: today in China." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var unit = new Option<string?>("--unit") { Description = "Only items of this unit." };
        var state = new Option<string?>("--state") { Description = "Only items in this state (overdue, 逾期 …)." };
        var command = new Command("status", "Each item's state at a date (已完成, 超进度, 达进度, 欠进度, 逾期, 未报送, 无时限), its light, deadline and last report.");
        command.Options.Add(asOf);
        command.Options.Add(format);
        command.Options.Add(unit);
        command.Options.Add(state);
        command.SetAction((parse, ct) =>
        {
            if (!TrackingAccess.TryDate(parse.GetValue(asOf), Console.Error, out var date))
            {
                return Task.FromResult(2);
            }

            return RunAsync(options.Database(parse), date, parse.GetValue(format)!, parse.GetValue(unit), parse.GetValue(state), Console.Out, Console.Error, ct);
        });
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, DateOnly asOf, string format, string? unit, string? state, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        TrackingState? only = null;
        if (state is not null)
        {
            if (!TrackingStates.TryParse(state, out var s))
            {
                errors.WriteLine($"policyledger: unknown state '{state}': one of {string.Join(", ", TrackingStates.All.Select(x => x.Code()))}");
                return Task.FromResult(2);
            }

            only = s;
        }

        return TrackingAccess.RunAsync(database, null, "status", errors, async (service, _) =>
        {
            var rows = (await service.StatusAsync(asOf, null, ct))
                .Where(r => unit is null || r.Item.Units.Any(u => u.Name == unit))
                .Where(r => only is null || r.Status.State == only)
                .ToList();
            await output.WriteAsync(format == "json" ? Json(rows) : Table(rows, asOf));
            return 0;
        }, ct);
    }

    internal static string Json(IReadOnlyList<StatusRow> rows)
    {
        var list = rows.Select(r => new
        {
            document = r.Item.Document,
            item = r.Item.Key,
            number = r.Item.Number,
            units = r.Item.Units.Select(u => u.Name).ToList(),
            state = r.Status.State.Code(),
            light = r.Status.Light.Code(),
            deadline = r.Status.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            lastReport = r.Status.LastReport is { } l
                ? new { period = l.Period.ToString(), percent = l.Percent, done = l.IsDone, submitted = l.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                : null,
            reason = r.Status.Reason,
        });
        return JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + Environment.NewLine;
    }

    private static string Table(IReadOnlyList<StatusRow> rows, DateOnly asOf)
    {
        var s = new System.Text.StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"status as of {asOf:yyyy-MM-dd}: {rows.Count} items");
        foreach (var g in rows.GroupBy(r => r.Status.State).OrderBy(g => g.Key))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  {g.Key.Chinese()} {g.Key.Code()}: {g.Count()}");
        }

        s.AppendLine();
        s.AppendLine("item\tstate\tlight\tdeadline\tlast report\tunit\ttext");
        foreach (var r in rows)
        {
            var last = r.Status.LastReport is { } l ? $"{l.Period} {(l.IsDone ? "done" : l.Percent?.ToString("0.#", CultureInfo.InvariantCulture) + "%")}" : "-";
            var text = r.Item.Text.Length > 30 ? r.Item.Text[..30] + "…" : r.Item.Text;
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Item.Key}\t{r.Status.State.Chinese()}\t{r.Status.Light.Code()}\t{r.Status.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}\t{last}\t{string.Join("、", r.Item.Units.Select(u => u.Name))}\t{text}");
        }

        return s.ToString();
    }
}
