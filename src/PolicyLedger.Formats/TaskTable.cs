using PolicyLedger.Reading.Readers;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// Renders a Word or web-page table as lines of text the reader understands, through the reading library's
/// <see cref="TaskTableLayout"/>: a task table (序号 / 任务 / 牵头单位 / 责任单位 / 配合单位 / 完成时限) gives one item
/// per row, "1.任务内容；完成时限：…。（牵头单位：X；配合单位：Y）", a repeated header is skipped; any other table gives one
/// line per row (or, for a layout table whose cells hold paragraphs, the cells' lines).
/// </summary>
internal static class TaskTable
{
    /// <summary>Lines for a table whose cells were read as text (merged cells already filled in).</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<IReadOnlyList<string>> rows) =>
        TaskTableLayout.Render(rows.Select(r => (IReadOnlyList<MappedText>)r.Select(c => MappedText.Identity(c)).ToList()).ToList())
            .Select(l => l.Text)
            .ToList();
}
