using System.Globalization;
using System.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits.Drafting;

/// <summary>An item to draft rules from: its id and number as read, its text, and the figures the reader found in it.</summary>
public sealed record DraftItem(string Id, int? Number, string Text, IReadOnlyList<Quantity> Quantities, IReadOnlyList<TimeExpression> Times);

/// <summary>The document a draft is for.</summary>
public sealed record DraftDocument(string Key, string? Number, string? Title, string? Issuer, DateOnly? Date, IReadOnlyList<DraftItem> Items);

/// <summary>
/// Proposes rule skeletons from what the reader found in each item: the sentence with the money or rate (the quote),
/// the rate (× a base to name), the cap (最高, 不超过), what an amount is paid per (元/台 → × a count), tiers where an
/// item gives several amounts, and the window from the item's dates (else the document's validity). Every guess a
/// person must confirm is marked TODO; the output is YAML in the rule-file format (docs/benefits.md).
/// </summary>
public static class RuleDrafter
{
    private static readonly string[] BenefitWords = ["补贴", "奖励", "奖补", "补助", "贴息", "减免", "免征", "减征", "免收", "减半", "退还", "暂退", "给予", "资助", "扣减", "全额"];

    public static string Draft(DraftDocument document)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# 规则草稿：{document.Title ?? document.Key}。由 policyledger rules draft 从各条目读出的金额、比例、上限与日期生成；");
        s.AppendLine("# 标有 TODO 的地方须由人核对补全（适用对象、触发事件、条件、基数），再用 policyledger rules check 检查。");
        s.AppendLine("document:");
        s.AppendLine(CultureInfo.InvariantCulture, $"  key: {Quote(Key(document))}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  cite: {Quote(document.Number ?? document.Key)}");
        if (document.Title is { } title)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  title: {Quote(title)}");
        }

        if (document.Issuer is { } issuer)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  issuer: {Quote(issuer)}");
        }

        if (document.Date is { } date)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  date: {Day(date)}");
        }

        s.AppendLine("  applies_in: []  # TODO: 文件适用的地方（places.yaml 中的地名）");
        s.AppendLine("  valid:");
        s.AppendLine(CultureInfo.InvariantCulture, $"    from: {(document.Date is { } d ? Day(d) : "2023-01-01  # TODO")}");
        s.AppendLine("    to: 2023-12-31  # TODO: 有效期（文件未载明的，写明按何种解读）");
        s.AppendLine("rules:");
        var drafted = 0;
        foreach (var item in document.Items)
        {
            if (DraftItem(item) is { } rule)
            {
                s.Append(rule);
                drafted++;
            }
        }

        if (drafted == 0)
        {
            s.AppendLine("  []  # 没有读出带金额或比例的支持措施");
        }

        return s.ToString();
    }

    /// <summary>How many items of the document a draft proposes rules for.</summary>
    public static int Candidates(DraftDocument document) => document.Items.Count(i => DraftItem(i) is not null);

    private static string? DraftItem(DraftItem item)
    {
        var figures = item.Quantities.Where(q => q.Kind is QuantityKind.Money or QuantityKind.Percent).ToList();
        if (figures.Count == 0 || !BenefitWords.Any(w => item.Text.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var quote = Sentences(item.Text, figures.Select(f => f.Text));
        var rates = figures.Where(f => f.Kind == QuantityKind.Percent).ToList();
        var money = figures.Where(f => f.Kind == QuantityKind.Money && f.Unit == "元").ToList();
        var caps = money.Where(m => m.Bound == Bound.Max && m.Per is null || m.Bound == Bound.Max && rates.Count > 0).ToList();
        var amounts = money.Except(caps).ToList();
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"  - id: {Quote($"第{item.Id}条")}");
        s.AppendLine(CultureInfo.InvariantCulture, $"    item: {Quote(item.Number?.ToString(CultureInfo.InvariantCulture) ?? item.Id)}  # 照文件所印的条目编号");
        s.AppendLine(CultureInfo.InvariantCulture, $"    benefit: {Quote(Benefit(item.Text))}  # TODO: 给申请人看的名称");
        s.AppendLine(CultureInfo.InvariantCulture, $"    quote: {Quote(quote)}");
        s.AppendLine("    applicants: [enterprise]  # TODO: person、household、enterprise、个体工商户、institution");
        s.AppendLine("    on: TODO  # TODO: 触发的事件类型（docs/benefits.md），或 profile");
        var windows = item.Times.Where(t => t.Start is not null || t.End is not null).ToList();
        if (windows.Count > 0)
        {
            s.AppendLine("    window:");
            foreach (var t in windows)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"      - {{from: {(t.Start is { } f ? Day(f) : "null")}, to: {(t.End is { } e ? Day(e) : "null")}, label: 日期}}  # 读自“{t.Text}”");
            }
        }
        else
        {
            s.AppendLine("    # window: 条文未载明日期，按文件有效期");
        }

        s.AppendLine("    amount:");
        if (rates.Count == 1)
        {
            var rate = rates[0];
            s.AppendLine(CultureInfo.InvariantCulture, $"      value: TODO * {Number(rate.Value)}%  # 读自“{rate.Text}”：基数（如 event.price）待定");
        }
        else if (rates.Count > 1 || amounts.Count > 1)
        {
            s.AppendLine("      tiers:  # 各档为择一，不累加");
            foreach (var f in rates.Concat(amounts))
            {
                var value = f.Kind == QuantityKind.Percent ? $"TODO * {Number(f.Value)}%" : f.Per is not null ? $"TODO * {Number(f.Value)}" : Number(f.Value);
                s.AppendLine("        - when: TODO  # TODO: 此档的条件");
                s.AppendLine(CultureInfo.InvariantCulture, $"          value: {value}{(f.Per is { } per ? $"  # 每{per}，乘以数量" : string.Empty)}");
                s.AppendLine(CultureInfo.InvariantCulture, $"          label: {Quote(f.Text)}");
            }

            s.AppendLine("      none: {code: below_threshold, reason: TODO}");
        }
        else if (amounts.Count == 1)
        {
            var m = amounts[0];
            s.AppendLine(m.Per is { } per
                ? $"      value: TODO * {Number(m.Value)}  # 读自“{m.Text}”：每{per}，乘以数量"
                : $"      value: {Number(m.Value)}  # 读自“{m.Text}”");
        }

        foreach (var cap in caps.Take(1))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"      cap: {Number(cap.Value)}  # 读自“{cap.Text}”");
        }

        var max = rates.Any(r => r.Bound == Bound.Max) || caps.Count > 0 && rates.Count == 0 || amounts.Any(a => a.Bound == Bound.Max);
        s.AppendLine(CultureInfo.InvariantCulture, $"      kind: {(max ? "max" : "exact")}  # 最高、不超过 → max；文件定额 → exact");
        s.AppendLine("    payer: 未载明  # TODO: 条文载明出资方时照写（如 省、市财政各补贴一半，配 shares）");
        s.AppendLine("    tests: []  # TODO: 至少一个享受、一个不能享受的用例");
        return s.ToString();
    }

    /// <summary>The sentences (split at 。；) that hold the figures.</summary>
    private static string Sentences(string text, IEnumerable<string> figures)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '；' or ';' || i == text.Length - 1)
            {
                parts.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        var wanted = figures.ToList();
        var chosen = parts.Where(p => wanted.Any(f => p.Contains(f, StringComparison.Ordinal))).ToList();
        return chosen.Count == 0 ? text : string.Concat(chosen);
    }

    private static string Benefit(string text)
    {
        var first = text.IndexOfAny(['。', '，', '；']);
        var head = first > 0 ? text[..first] : text;
        return head.Length <= 24 ? head : head[..24];
    }

    private static string Key(DraftDocument document) => document.Number ?? document.Key;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
