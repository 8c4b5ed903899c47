namespace PolicyLedger.Reading.Syntax;

/// <summary>The role a unit plays in a task, as the responsibility clause states it.</summary>
public enum Role
{
    /// <summary>牵头单位 / X牵头 / 列第一位者为牵头单位.</summary>
    Lead,

    /// <summary>责任单位 / X负责 / 按职责分工负责.</summary>
    Responsible,

    /// <summary>配合单位.</summary>
    Cooperating,
}

/// <summary>A unit named in a responsibility clause, exactly as written there.</summary>
public sealed record RoleMention(Role Role, string Mention, TextSpan Span);

/// <summary>A heading above items (一、… / （一）… / 1. … / 第X条).</summary>
/// <param name="Level">0 for 一、, 1 for （一）, 2 for 1., 3 for （1）; 第X条 and 主要任务 are given their own levels.</param>
/// <param name="Label">The heading as written, on one line, whitespace inside CJK text removed, its number mark normalized (（一）).</param>
public sealed record Heading(int Level, string Label, TextSpan Span);

/// <summary>
/// A numbered unit of a document that carries a task.
/// </summary>
/// <param name="Id">Unique within its document: "12", "（28）", "二、主要任务三".</param>
/// <param name="Number">The item's own number where it has one (12 for "12." and for "（十二）").</param>
/// <param name="Marker">The number mark as written ("12．", "(三十二)", "主要任务三：").</param>
/// <param name="Headings">The headings above the item, outermost first, as in <see cref="Heading.Label"/>.</param>
/// <param name="Text">The item's full text on one line (line breaks, page footers and whitespace inside CJK text removed), without its number mark.</param>
/// <param name="Span">Where the item (number mark included) stands in the original text.</param>
/// <param name="ClauseSpan">Where its responsibility clause stands, if it has one.</param>
/// <param name="Task">The text without its responsibility clause: what is to be done.</param>
public sealed record PolicyItem(
    string Id,
    int? Number,
    string Marker,
    IReadOnlyList<string> Headings,
    string Text,
    TextSpan Span,
    IReadOnlyList<RoleMention> Roles,
    TextSpan? ClauseSpan,
    IReadOnlyList<Quantity> Quantities,
    IReadOnlyList<TimeExpression> Times)
{
    public string Task { get; init; } = Text;

    public IEnumerable<RoleMention> InRole(Role role) => Roles.Where(r => r.Role == role);
}
