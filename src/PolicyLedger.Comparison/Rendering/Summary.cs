using System.Text;

namespace PolicyLedger.Comparison.Rendering;

/// <summary>The one-sentence summaries every front end shows, counted from the comparison they summarize.</summary>
public static class Summary
{
    /// <summary>"配对 75 组：相同 33，数字不同 11，范围收窄 8，范围扩大 23；仅A有 25 条，仅B有 24 条。"</summary>
    public static string Of(PairwiseComparison c)
    {
        var text = new StringBuilder($"配对 {c.Pairs.Count} 组：");
        text.AppendJoin("，", Enum.GetValues<Relation>().Select(r => $"{Labels.Chinese(r)} {c.Pairs.Count(p => p.Relation == r)}"));
        text.Append($"；{Labels.OnlyInA} {c.OnlyInA.Count} 条，{Labels.OnlyInB} {c.OnlyInB.Count} 条。");
        return text.ToString();
    }

    /// <summary>"以 X 为参照，共 120 项措施：X 有 100 项，Y 有 75 项（数字不同 11），Z 有 60 项（数字不同 5）。"</summary>
    public static string Of(MultiComparison c)
    {
        var text = new StringBuilder($"以 {c.Documents[0].Name} 为参照，共 {c.Rows.Count} 项措施：");
        text.AppendJoin("，", c.Documents.Select((d, k) =>
        {
            var has = c.Rows.Count(r => r.Cells[k].Has);
            var changed = c.Rows.Count(r => r.Cells[k].Relation == Relation.ChangedFigure);
            return k == 0 ? $"{d.Name} 有 {has} 项" : $"{d.Name} 有 {has} 项（数字不同 {changed}）";
        }));
        text.Append('。');
        return text.ToString();
    }
}
