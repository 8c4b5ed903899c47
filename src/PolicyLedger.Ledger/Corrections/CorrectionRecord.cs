using System.Globalization;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Quantities;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>A stored correction as the engine applies it (an immutable copy of <see cref="ItemCorrection"/>).</summary>
/// <param name="Units">The units the value names, resolved where the document is known.</param>
/// <param name="Next">Merge: the item after it when the correction was made.</param>
public sealed record CorrectionRecord(
    long Id,
    CorrectionKind Kind,
    ItemAnchor Anchor,
    LedgerRole? Role,
    string? Value,
    IReadOnlyList<ItemRole> Units,
    string? NewItemId,
    ItemAnchor? Next,
    string? Before,
    string? Why,
    string By,
    DateTimeOffset At)
{
    /// <summary>Structural corrections change which items there are; they are applied to the items as read, before the others.</summary>
    public bool Structural => Kind is CorrectionKind.NotAnItem or CorrectionKind.Split or CorrectionKind.MergeNext;

    /// <summary>The field of the item it changes, as commands and files name it.</summary>
    public string Field => FieldOf(Kind, Role);

    public static string FieldOf(CorrectionKind kind, LedgerRole? role) => kind switch
    {
        CorrectionKind.SetRole => RoleName(role ?? LedgerRole.Responsible),
        CorrectionKind.AddUnit => "add-" + RoleName(role ?? LedgerRole.Responsible),
        CorrectionKind.RemoveUnit => "remove",
        CorrectionKind.SetDeadline => "deadline",
        CorrectionKind.SetTarget => "target",
        CorrectionKind.NotAnItem => "not-an-item",
        CorrectionKind.AsItem => "as-item",
        CorrectionKind.Split => "split",
        _ => "merge-next",
    };

    public static string RoleName(LedgerRole role) => role switch
    {
        LedgerRole.Lead => "lead",
        LedgerRole.Responsible => "responsible",
        _ => "cooperating",
    };

    /// <summary>A field's name for people: 牵头单位, 时限, 拆分 ….</summary>
    public static string FieldChinese(string field) => field switch
    {
        "text" => "内容",
        "lead" => "牵头单位",
        "responsible" => "责任单位",
        "cooperating" => "配合单位",
        "add-lead" => "增加牵头单位",
        "add-responsible" => "增加责任单位",
        "add-cooperating" => "增加配合单位",
        "remove" => "去掉单位",
        "deadline" => "时限",
        "target" => "主要目标",
        "not-an-item" => "非事项",
        "as-item" => "补为事项",
        "split" => "拆分",
        "merge-next" => "与下一项合并",
        _ => field,
    };

    /// <summary>牵头单位, 责任单位, 配合单位.</summary>
    public static string RoleChinese(LedgerRole role) => role switch
    {
        LedgerRole.Lead => "牵头单位",
        LedgerRole.Responsible => "责任单位",
        _ => "配合单位",
    };

    /// <summary>The deadline a <see cref="CorrectionKind.SetDeadline"/> value names: a date, or null for "no deadline" (empty, 无).</summary>
    public static bool TryDeadline(string? value, out DateOnly? deadline)
    {
        deadline = null;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || text is "无" or "none" or "无时限")
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            deadline = date;
            return true;
        }

        // 2024年6月30日, as a person may copy it from the document.
        var times = TimeReader.Read(text, TimeContext.None);
        if (times.Count == 1 && times[0].Text.Length == text.Length && times[0].End is { } end && times[0].Recurrence is null && !times[0].YearFromContext)
        {
            deadline = end;
            return true;
        }

        return false;
    }

    /// <summary>The main target a <see cref="CorrectionKind.SetTarget"/> value names: the one figure read from it.</summary>
    public static ItemQuantity? TargetOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var quantities = QuantityReader.Read(value.Trim());
        return quantities.Count == 0 ? null : ItemQuantity.From(quantities[0]);
    }
}
