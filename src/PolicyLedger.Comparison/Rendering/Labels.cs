using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Rendering;

/// <summary>The names people and scripts see: Chinese labels for pages and tables, stable codes for JSON.</summary>
public static class Labels
{
    /// <summary>The JSON code of a relation: same, changed_figure, narrowed, broadened.</summary>
    public static string Code(Relation relation) => relation switch
    {
        Relation.Same => "same",
        Relation.ChangedFigure => "changed_figure",
        Relation.Narrowed => "narrowed",
        Relation.Broadened => "broadened",
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public static string Code(LinkKind kind) => kind switch
    {
        LinkKind.Anchor => "anchor",
        LinkKind.Section => "section",
        LinkKind.Order => "order",
        LinkKind.Split => "split",
        LinkKind.Bundle => "bundle",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>How a relation reads in Chinese (B relative to A).</summary>
    public static string Chinese(Relation relation) => relation switch
    {
        Relation.Same => "相同",
        Relation.ChangedFigure => "数字不同",
        Relation.Narrowed => "范围收窄",
        Relation.Broadened => "范围扩大",
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public const string OnlyInA = "仅A有";

    public const string OnlyInB = "仅B有";

    public const string Missing = "无";

    /// <summary>"第12条"; an item without a number by its id.</summary>
    public static string Item(PolicyItem item) => item.Number is { } n ? $"第{n}条" : item.Id;

    public static string Items(IEnumerable<PolicyItem> items) => string.Join("、", items.Select(Item));

    /// <summary>A difference on one line: "新增技能人才：2.2万人 → 6万人以上".</summary>
    public static string Difference(FigureDifference d) => $"{d.What}：{d.A.Text} → {d.B.Text}";

    /// <summary>A document as people name it: its name, and its title when that says more.</summary>
    public static string Document(ComparedDocument d) => d.Title is { } t && t != d.Name ? $"{d.Name}（{t}）" : d.Name;
}
