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
/// <param name="Span">Where the mention stands in the original text.</param>
public sealed record RoleMention(Role Role, string Mention, TextSpan Span)
{
    /// <summary>
    /// The role is not written in the item's own clause but implied by a declaration earlier in the document that
    /// covers later items ("以下各项均需各县（市、区）人民政府落实，不再列出"); <see cref="Span"/> then points at the
    /// mention in the declaration.
    /// </summary>
    public bool Implied { get; init; }

    /// <summary>
    /// The part of the item the role governs: the task text from the end of the previous clause (or the start of the
    /// item) to the start of this role's clause, on one line as <see cref="PolicyItem.Text"/> is, with its span. An
    /// item holding several clauses ("简化审批流程。（区市场监管局负责）加强人才培养。（区人社局负责）") gives each
    /// role its own sub-task; an implied role governs the whole task. Null where the reader could not tell.
    /// </summary>
    public Located<string>? Governs { get; init; }
}

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

    /// <summary>
    /// What is doubtful about this item's reading (same shape and catalogue as a document's diagnostics, codes PL3xx
    /// for the item, PL4xx for its clauses): a reviewer checks flagged items first. Empty when nothing is doubtful.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public IEnumerable<RoleMention> InRole(Role role) => Roles.Where(r => r.Role == role);
}
