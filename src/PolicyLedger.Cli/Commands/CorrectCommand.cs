using System.CommandLine;
using System.Text.Json;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Json;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger correct ITEM [--lead "A、B"] [--responsible "C"] [--cooperating ""] [--deadline 2024-06-30]
/// [--not-an-item] [--why TEXT] [--by WHO]</c> and <c>correct ITEM --revert</c>: a reviewer's correction of an item.
/// </summary>
internal static class CorrectCommand
{
    public static Command Create(LedgerOptions options)
    {
        var item = new Argument<string>("ITEM") { Description = "The item key as ledger, status and review show it (济管〔2023〕19号#12); with --as-item, the document's key and the new item's id." };
        var lead = new Option<string?>("--lead") { Description = "Replace the lead units (牵头单位): names separated by 、 (an empty value clears them)." };
        var responsible = new Option<string?>("--responsible") { Description = "Replace the responsible units (责任单位)." };
        var cooperating = new Option<string?>("--cooperating") { Description = "Replace the cooperating units (配合单位)." };
        var addLead = new Option<string?>("--add-lead") { Description = "Give one unit the lead role (it leaves any other role it had in the item)." };
        var addResponsible = new Option<string?>("--add-responsible") { Description = "Make one unit responsible." };
        var addCooperating = new Option<string?>("--add-cooperating") { Description = "Make one unit cooperating." };
        var remove = new Option<string?>("--remove") { Description = "Take one unit out of the item, whatever its role." };
        var deadline = new Option<string?>("--deadline") { Description = "Set the deadline (2024-06-30; 无 for none)." };
        var target = new Option<string?>("--target") { Description = "Set the main target reports are measured against (1.6万人, 500万元)." };
        var notAnItem = new Option<bool>("--not-an-item") { Description = "The paragraph is not an item: it leaves the ledger." };
        var asItem = new Option<string?>("--as-item") { Description = "This paragraph of the document (its text, as written) is an item, with the id ITEM names." };
        var splitAt = new Option<string?>("--split-at") { Description = "Split the item where this text begins." };
        var splitId = new Option<string?>("--split-id") { Description = "With --split-at: the second part's id (default: the number it opens with, else the item's id and 之二)." };
        var mergeNext = new Option<bool>("--merge-next") { Description = "Merge the item with the one after it." };
        var revert = new Option<bool>("--revert") { Description = "Remove the item's corrections: it shows as read again." };
        var why = new Option<string?>("--why") { Description = "Why (kept with the correction and in the audit log)." };
        var by = new Option<string?>("--by") { Description = "Who corrects (default: $POLICYLEDGER_USER, else the OS user)." };
        var aliases = new Option<string?>("--aliases") { Description = "The alias file or folder that unit names resolve with (default as for import)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("correct", "Correct what was misread in an item: its units, deadline or target, or whether and where it is an item. The correction shows everywhere and is applied again after re-imports and new versions.");
        command.Arguments.Add(item);
        foreach (var o in new Option[] { lead, responsible, cooperating, addLead, addResponsible, addCooperating, remove, deadline, target, notAnItem, asItem, splitAt, splitId, mergeNext, revert, why, by, aliases, format })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) =>
        {
            // An option given with an empty value ("") clears; an option not given leaves the field as it is.
            string? Given(Option<string?> o) => parse.GetResult(o) is null ? null : parse.GetValue(o) ?? string.Empty;
            var changes = new List<ChangeRequest>();
            void Add(Option<string?> o, CorrectionKind kind, LedgerRole? role = null)
            {
                if (Given(o) is { } value)
                {
                    changes.Add(new ChangeRequest(kind, role, value));
                }
            }

            if (Given(asItem) is { } paragraph)
            {
                changes.Add(new ChangeRequest(CorrectionKind.AsItem, Value: paragraph));
            }

            Add(lead, CorrectionKind.SetRole, LedgerRole.Lead);
            Add(responsible, CorrectionKind.SetRole, LedgerRole.Responsible);
            Add(cooperating, CorrectionKind.SetRole, LedgerRole.Cooperating);
            Add(addLead, CorrectionKind.AddUnit, LedgerRole.Lead);
            Add(addResponsible, CorrectionKind.AddUnit, LedgerRole.Responsible);
            Add(addCooperating, CorrectionKind.AddUnit, LedgerRole.Cooperating);
            Add(remove, CorrectionKind.RemoveUnit);
            Add(deadline, CorrectionKind.SetDeadline);
            Add(target, CorrectionKind.SetTarget);
            if (parse.GetValue(notAnItem))
            {
                changes.Add(new ChangeRequest(CorrectionKind.NotAnItem));
            }

            if (Given(splitAt) is { } at)
            {
                changes.Add(new ChangeRequest(CorrectionKind.Split, Value: at, NewItemId: parse.GetValue(splitId)));
            }

            if (parse.GetValue(mergeNext))
            {
                changes.Add(new ChangeRequest(CorrectionKind.MergeNext));
            }

            return RunAsync(options.Database(parse), new CorrectionInput(parse.GetValue(item)!, changes, parse.GetValue(why)), parse.GetValue(revert),
                parse.GetValue(by), parse.GetValue(aliases), parse.GetValue(format)!, Console.Out, Console.Error, ct);
        });
        return command;
    }

    /// <returns>0 when stored or unchanged, 1 when refused, 2 when the ledger cannot be used.</returns>
    public static Task<int> RunAsync(LedgerDatabase database, CorrectionInput input, bool revert, string? by, string? aliases, string format, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (revert && input.Changes.Count > 0)
        {
            errors.WriteLine($"policyledger correct: {input.Item}：--revert 不能与其他修改同时使用（{CorrectionCodes.Conflict}）");
            return Task.FromResult(1);
        }

        return CorrectionAccess.RunAsync(database, by, aliases, revert ? "correct --revert" : "correct", errors, async scope =>
        {
            var service = new CorrectionService(scope.Db, scope.Clock, scope.Actor, scope.Units);
            var result = revert ? await service.RevertAsync(input.Item, ct) : await service.CorrectAsync(input, ct);
            if (!result.Ok)
            {
                foreach (var p in result.Problems)
                {
                    await errors.WriteLineAsync($"policyledger correct: {result.ItemKey ?? input.Item}：{p.Message}（{p.Code}）");
                }

                return 1;
            }

            await output.WriteAsync(format == "json" ? Json(result, revert) : Table(result, revert));
            return 0;
        }, ct);
    }

    private static string Table(CorrectResult result, bool revert)
    {
        var s = new System.Text.StringBuilder();
        if (result.Changes.All(c => c.Outcome == ChangeOutcome.Unchanged))
        {
            s.AppendLine($"{result.ItemKey}：已有相同的校对，未作改动");
            return s.ToString();
        }

        s.AppendLine(revert ? $"{result.ItemKey}：已撤销 {result.Changes.Count} 条校对" : $"{result.ItemKey}：已校对");
        var before = result.Before?.Values() ?? [];
        var after = result.After?.Values() ?? [];
        foreach (var field in new[] { "text", "lead", "responsible", "cooperating", "deadline", "target" })
        {
            var a = Show(before.GetValueOrDefault(field));
            var b = Show(after.GetValueOrDefault(field));
            if (a != b)
            {
                s.AppendLine($"  {FieldName(field)}：{(result.Before is null ? "（无此项）" : a)} → {(result.After is null ? "（非事项）" : b)}");
            }
        }

        foreach (var c in result.Changes.Where(c => c.Outcome == ChangeOutcome.Unchanged))
        {
            s.AppendLine($"  {c.Field}：与已有校对相同");
        }

        return s.ToString();
    }

    private static string Json(CorrectResult result, bool revert) => JsonSerializer.Serialize(new
    {
        item = result.ItemKey,
        action = revert ? "revert" : "correct",
        changes = result.Changes.Select(c => new { field = c.Field, outcome = JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Outcome.ToString()), value = c.Value }),
        before = result.Before?.Values(),
        after = result.After?.Values(),
    }, ReadResultJson.Options) + Environment.NewLine;

    internal static string FieldName(string field) => CorrectionRecord.FieldChinese(field);

    private static string Show(object? value) => value switch
    {
        null => "（无）",
        IEnumerable<string> list => list.Any() ? string.Join("、", list) : "（无）",
        string text => text.Length > 60 ? text[..59] + "…" : text,
        _ => value.ToString() ?? string.Empty,
    };
}
