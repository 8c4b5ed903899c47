using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger audit [--entity T] [--by WHO] [--limit N] [--format table|json]</c>: the audit log, newest first.</summary>
internal static class AuditCommand
{
    public static Command Create(LedgerOptions options)
    {
        var entity = new Option<string?>("--entity") { Description = "Only changes to this table (items, progress_reports …)." };
        var by = new Option<string?>("--by") { Description = "Only changes by this person." };
        var item = new Option<string?>("--item") { Description = "Only changes to this item's progress reports, figures and evidence (its key as `ledger` and `status` show it: 济管〔2023〕19号#12)." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries.", DefaultValueFactory = _ => 200 };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("audit", "List the audit log: every change to the ledger (imports, reports, corrections) with who, when, what, before and after.");
        foreach (var o in new Option[] { entity, by, item, limit, format })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => RunAsync(options.Database(parse), parse.GetValue(entity), parse.GetValue(by), parse.GetValue(limit), parse.GetValue(format)!, Console.Out, Console.Error, ct, parse.GetValue(item)));
        return command;
    }

    public static Task<int> RunAsync(LedgerDatabase database, string? entity, string? by, int limit, string format, TextWriter output, TextWriter errors, CancellationToken ct = default, string? item = null) =>
        TrackingAccess.RunAsync(database, null, "audit", errors, async (service, _) =>
        {
            var entries = await service.AuditAsync(entity, by, null, limit, ct, item);
            if (format == "json")
            {
                var list = entries.Select(a => new { at = a.At, who = a.Actor, action = a.Action, entity = a.Entity, key = a.EntityKey, context = a.Context, before = a.Before, after = a.After });
                await output.WriteLineAsync(JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }

            foreach (var a in entries)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{a.At:yyyy-MM-dd HH:mm:ss zzz}\t{a.Actor}\t{a.Action}\t{a.Entity}\t{a.EntityKey}\t{a.Context}\t{Short(a.Before)} → {Short(a.After)}"));
            }

            return 0;
        }, ct);

    private static string Short(string? json) => json is null ? "-" : json.Length <= 120 ? json : json[..120] + "…";
}
