using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// Finds the item a person means by a key they typed: the item key the commands show (济管〔2023〕19号#12), with
/// brackets and widths as they come (济管[2023]19号#12) and the item's number in any form ("#（4）", "#4", "#（四）"),
/// or the file-based form of earlier versions ("3#12", "3.2#（4）"). Never guesses between several items.
/// </summary>
public static class ItemLookup
{
    /// <summary>The item, or null and why not (unknown, or which items the key could mean).</summary>
    public static (TrackedItem? Item, string? Problem) Find(IReadOnlyList<TrackedItem> items, string? typed)
    {
        if (!ItemKey.TryParse(typed, out var key))
        {
            return (null, $"“{typed}”不是事项编号：应写作“文号#序号”，如 某政〔2024〕3号#12（ledger 命令列出每项的编号）");
        }

        var document = DocumentKey.Normalize(key.Document);
        var found = items.Where(i => DocumentKey.Normalize(i.DocumentKey) == document && ItemKey.ItemMatches(key.Item, i.ItemKey, int.TryParse(i.Number, out var n) ? n : null)).ToList();
        if (found.Count == 0)
        {
            found = items.Where(i => TrackedItem.MakeKey(i.SourceId, i.DocumentPosition, i.ItemKey) == typed!.Trim()).ToList();
        }

        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, $"没有编号为 {typed} 的事项"),
            _ => (null, $"编号 {typed} 对应多个事项，请用文件编号区分：{string.Join("；", found.Select(i => $"{TrackedItem.MakeKey(i.SourceId, i.DocumentPosition, i.ItemKey)}（{i.Document}）"))}"),
        };
    }
}
