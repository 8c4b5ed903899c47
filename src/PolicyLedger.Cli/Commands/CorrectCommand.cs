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
    /// <summary>The options of <c>correct</c>, kept together so the changes asked can be read from a parse.</summary>
    internal sealed class Options(Texts t)
    {
        public Argument<string> Item { get; } = new("ITEM")
        {
            Description = t.T(
                "事项编号，按 ledger、status 和 review 所显示的写（青管〔2023〕7号#12）；用 --as-item 时写文件编号和新事项的编号。",
                "The item key as ledger, status and review show it (青管〔2023〕7号#12); with --as-item, the document's key and the new item's id."),
        };

        public Option<string?> Lead { get; } = new("--lead")
        {
            Description = t.T(
                "替换牵头单位：多个单位名称用 、 分隔（给空值则清空）。",
                "Replace the lead units (牵头单位): names separated by 、 (an empty value clears them)."),
        };

        public Option<string?> Responsible { get; } = new("--responsible") { Description = t.T("替换责任单位。", "Replace the responsible units (责任单位).") };

        public Option<string?> Cooperating { get; } = new("--cooperating") { Description = t.T("替换配合单位。", "Replace the cooperating units (配合单位).") };

        public Option<string?> AddLead { get; } = new("--add-lead")
        {
            Description = t.T(
                "将一个单位设为牵头单位（它在该事项中原有的其他角色随之取消）。",
                "Give one unit the lead role (it leaves any other role it had in the item)."),
        };

        public Option<string?> AddResponsible { get; } = new("--add-responsible") { Description = t.T("将一个单位设为责任单位。", "Make one unit responsible.") };

        public Option<string?> AddCooperating { get; } = new("--add-cooperating") { Description = t.T("将一个单位设为配合单位。", "Make one unit cooperating.") };

        public Option<string?> Remove { get; } = new("--remove") { Description = t.T("将一个单位移出该事项，不论其角色。", "Take one unit out of the item, whatever its role.") };

        public Option<string?> Deadline { get; } = new("--deadline") { Description = t.T("设定时限（2024-06-30；没有时限写 无）。", "Set the deadline (2024-06-30; 无 for none).") };

        public Option<string?> Target { get; } = new("--target")
        {
            Description = t.T(
                "设定进展报送所对照的主要目标（1.6万人、500万元）。",
                "Set the main target reports are measured against (1.6万人, 500万元)."),
        };

        public Option<bool> NotAnItem { get; } = new("--not-an-item") { Description = t.T("该段不是事项：移出台账。", "The paragraph is not an item: it leaves the ledger.") };

        public Option<string?> AsItem { get; } = new("--as-item")
        {
            Description = t.T(
                "文件中的这一段（照原文写出）是一个事项，编号取 ITEM 中所给的。",
                "This paragraph of the document (its text, as written) is an item, with the id ITEM names."),
        };

        public Option<string?> SplitAt { get; } = new("--split-at") { Description = t.T("在这段文字开头处拆分事项。", "Split the item where this text begins.") };

        public Option<string?> SplitId { get; } = new("--split-id")
        {
            Description = t.T(
                "与 --split-at 同用：后一部分的编号（缺省取其开头的序号，再缺省为原事项编号加“之二”）。",
                "With --split-at: the second part's id (default: the number it opens with, else the item's id and 之二)."),
        };

        public Option<bool> MergeNext { get; } = new("--merge-next") { Description = t.T("将该事项与下一项合并。", "Merge the item with the one after it.") };

        public Option<bool> Revert { get; } = new("--revert") { Description = t.T("撤销该事项的校对：恢复为原读取结果。", "Remove the item's corrections: it shows as read again.") };

        public Option<string?> Why { get; } = new("--why") { Description = t.T("校对理由（随校对保存，并记入审计日志）。", "Why (kept with the correction and in the audit log).") };

        public Option<string?> By { get; } = new("--by")
        {
            Description = t.T(
                "校对人（缺省取 $POLICYLEDGER_USER，再缺省为操作系统用户）。",
                "Who corrects (default: $POLICYLEDGER_USER, else the OS user)."),
        };

        public Option<string?> Aliases { get; } = LedgerOptions.AliasesAsForImport(t);

        public Option<string> Format { get; } = LedgerOptions.TableOrJson(t);

        public IEnumerable<Option> All => [Lead, Responsible, Cooperating, AddLead, AddResponsible, AddCooperating, Remove, Deadline, Target, NotAnItem, AsItem, SplitAt, SplitId, MergeNext, Revert, Why, By, Aliases, Format];
    }

    public static Command Create(LedgerOptions ledger) => Create(ledger, new Options(ledger.Texts));

    internal static Command Create(LedgerOptions ledger, Options o)
    {
        var t = ledger.Texts;
        var command = new Command("correct", t.T(
            "校对事项中读错的内容：单位、时限或目标，或是否为事项、事项的起止。校对结果在各处生效，重新导入或文件有新版本后仍会再次套用。",
            "Correct what was misread in an item: its units, deadline or target, or whether and where it is an item. The correction shows everywhere and is applied again after re-imports and new versions."));
        command.Arguments.Add(o.Item);
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(ledger.Database(parse), Input(parse, o), parse.GetValue(o.Revert),
            parse.GetValue(o.By), parse.GetValue(o.Aliases), parse.GetValue(o.Format)!, Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>
    /// The changes a command line asks for, in a fixed order: an option given replaces that field, an option given
    /// with an empty value ("") clears it, an option not given leaves it as it is.
    /// </summary>
    internal static CorrectionInput Input(ParseResult parse, Options o)
    {
        string? Given(Option<string?> option) => parse.GetResult(option) is null ? null : parse.GetValue(option) ?? string.Empty;
        var changes = new List<ChangeRequest>();
        void Add(Option<string?> option, CorrectionKind kind, LedgerRole? role = null)
        {
            if (Given(option) is { } value)
            {
                changes.Add(new ChangeRequest(kind, role, value));
            }
        }

        if (Given(o.AsItem) is { } paragraph)
        {
            changes.Add(new ChangeRequest(CorrectionKind.AsItem, Value: paragraph));
        }

        Add(o.Lead, CorrectionKind.SetRole, LedgerRole.Lead);
        Add(o.Responsible, CorrectionKind.SetRole, LedgerRole.Responsible);
        Add(o.Cooperating, CorrectionKind.SetRole, LedgerRole.Cooperating);
        Add(o.AddLead, CorrectionKind.AddUnit, LedgerRole.Lead);
        Add(o.AddResponsible, CorrectionKind.AddUnit, LedgerRole.Responsible);
        Add(o.AddCooperating, CorrectionKind.AddUnit, LedgerRole.Cooperating);
        Add(o.Remove, CorrectionKind.RemoveUnit);
        Add(o.Deadline, CorrectionKind.SetDeadline);
        Add(o.Target, CorrectionKind.SetTarget);
        if (parse.GetValue(o.NotAnItem))
        {
            changes.Add(new ChangeRequest(CorrectionKind.NotAnItem));
        }

        if (Given(o.SplitAt) is { } at)
        {
            changes.Add(new ChangeRequest(CorrectionKind.Split, Value: at, NewItemId: parse.GetValue(o.SplitId)));
        }

        if (parse.GetValue(o.MergeNext))
        {
            changes.Add(new ChangeRequest(CorrectionKind.MergeNext));
        }

        return new CorrectionInput(parse.GetValue(o.Item)!, changes, parse.GetValue(o.Why));
    }

    /// <returns>0 when stored or unchanged, 1 when refused, 2 when the ledger cannot be used, 3 when the person may not correct it.</returns>
    public static Task<int> RunAsync(LedgerDatabase database, CorrectionInput input, bool revert, string? by, string? aliases, string format, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (revert && input.Changes.Count > 0)
        {
            errors.WriteLine($"policyledger correct: {input.Item}：--revert 不能与其他修改同时使用（{CorrectionCodes.Conflict}）");
            return Task.FromResult(1);
        }

        return CorrectionAccess.RunAsync(database, by, aliases, revert ? "correct --revert" : "correct", errors, async scope =>
        {
            var service = scope.Get<CorrectionService>();
            var result = revert ? await service.RevertAsync(scope.Actor, input.Item, ct) : await service.CorrectAsync(scope.Actor, input, ct);
            if (!result.Ok)
            {
                foreach (var p in result.Problems)
                {
                    await errors.WriteLineAsync($"policyledger correct: {result.ItemKey ?? input.Item}：{p.Message}（{p.Code}）");
                }

                return CorrectionAccess.ExitOf(result.Problems);
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
            var a = before.GetValueOrDefault(field);
            var b = after.GetValueOrDefault(field);
            if (Full(a) != Full(b))
            {
                s.AppendLine($"  {FieldName(field)}：{(result.Before is null ? "（无此项）" : Show(a))} → {(result.After is null ? "（非事项）" : Show(b))}");
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

    private static string Full(object? value) => value switch
    {
        string text => text,
        IEnumerable<string> list => string.Join("、", list),
        _ => value?.ToString() ?? string.Empty,
    };

    private static string Show(object? value) => value switch
    {
        null => "（无）",
        IEnumerable<string> list => list.Any() ? string.Join("、", list) : "（无）",
        string text => text.Length > 60 ? text[..59] + "…" : text,
        _ => value.ToString() ?? string.Empty,
    };
}
