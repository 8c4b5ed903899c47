using System.Globalization;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>
/// The words of a bulletin, shared by the Markdown and the .docx writers so both say the same: sections headed
/// 一、 and （一） as 公文 are. Every sentence is made from the <see cref="Bulletin"/>'s figures, which come from the
/// status of its items; a claim (无逾期, 均按时报送) is made only where the figures behind it are there to make it.
/// </summary>
public static class BulletinText
{
    /// <summary>A section number as 公文 headings write it (一, 十二), from the one numeral module.</summary>
    public static string ChineseNumber(int n) => ChineseNumerals.Format(n);

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Addressees(Bulletin b) => string.Join("，", b.Addressees) + "：";

    public static string Opening(Bulletin b) =>
        $"按照重点工作跟踪督办要求，截至{Date(b.AsOf)}，对{b.Scope}{b.Period.ToChinese()}重点工作推进情况进行了汇总分析，现将有关情况通报如下。";

    /// <summary>Whether there is anything to report: a period with nothing to track says so and makes no claims.</summary>
    public static bool IsEmpty(Bulletin b) => b.Total == 0;

    public static string Empty(Bulletin b) =>
        $"截至{Date(b.AsOf)}，{b.Scope}{b.Period.ToChinese()}没有需要跟踪的重点工作，本期不作排名，不列逾期事项和报送情况。";

    public static string Summary(Bulletin b)
    {
        if (IsEmpty(b))
        {
            return Empty(b);
        }

        var parts = b.Counts.Where(c => c.Count > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.State.Chinese()}{c.Count}项、占{c.Percent:0.#}%"));
        return $"本期共跟踪重点工作{b.Total}项，其中" + string.Join("；", parts) + "。";
    }

    public static string[] CountHeaders { get; } = ["状态", "项数", "占比"];

    public static IEnumerable<string[]> CountRows(Bulletin b) =>
        b.Counts.Select(c => new[] { c.State.Chinese(), I(c.Count), c.Percent.ToString("0.#", CultureInfo.InvariantCulture) + "%" });

    public static string[] UnitHeaders { get; } = ["排名", "责任单位", "任务数", "已完成", "欠进度", "逾期", "未报送", "平均完成进度", "按时报送", "迟报", "未报"];

    public static IEnumerable<string[]> UnitRows(Bulletin b) =>
        b.Units.Select(u => new[]
        {
            I(u.Rank), u.Unit.Name, I(u.Items), I(u.Done), I(u.Behind), I(u.Overdue), I(u.NotReported),
            u.Completion.ToString("0.#", CultureInfo.InvariantCulture) + "%", I(u.OnTime), I(u.Late), I(u.Missing),
        });

    public static string RankingLead(Bulletin b) => "按平均完成进度和按时报送情况排序如下（按时报送、迟报、未报以本期应报送的次数计）。";

    public static string OverdueLead(Bulletin b) => b.Overdue.Count == 0
        ? $"截至{Date(b.AsOf)}，本期跟踪的{b.Total}项工作中没有逾期未完成的事项。"
        : $"截至{Date(b.AsOf)}，以下{b.Overdue.Count}项工作已超过完成时限仍未完成，列入挂牌督办，责任单位要明确整改措施和完成时限，按周报送进展。";

    /// <summary>Overdue items grouped by their first unit, for （一） subheadings.</summary>
    public static IEnumerable<(string Unit, IReadOnlyList<BulletinItem> Items)> OverdueByUnit(Bulletin b) =>
        b.Overdue.GroupBy(i => i.Units.FirstOrDefault()?.Key ?? "", StringComparer.Ordinal)
            .Select(g => (Name: g.First().Units.FirstOrDefault()?.Name ?? "（未明确责任单位）", Items: (IReadOnlyList<BulletinItem>)g.ToList()))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (g.Name, g.Items));

    public static string OverdueLine(BulletinItem i) =>
        $"{i.Number}. {Short(i.Text)}（{i.Document}；完成时限{(i.Deadline is { } d ? Date(d) : "未明确")}；当前进度{(i.Percent is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "未报送")}）";

    public static string LateLead(Bulletin b)
    {
        if (b.DueReports == 0)
        {
            return $"截至{Date(b.AsOf)}，{b.Period.ToChinese()}没有到期应报送的进展情况。";
        }

        var dates = string.Join("、", b.DueDates.Select(Date));
        return b.LateUnits.Count == 0
            ? $"{b.Period.ToChinese()}应报送进展{b.DueReports}项次（截止日期{dates}），各责任单位均按时报送。"
            : $"{b.Period.ToChinese()}应报送进展{b.DueReports}项次（截止日期{dates}），按时报送{b.OnTimeReports}项次。以下单位未按时报送：";
    }

    public static string LateLine(LateUnit u) =>
        u.Unit.Name + "（" + string.Join("，", new[] { u.Missing > 0 ? $"{u.Missing}项次未报送" : null, u.Late > 0 ? $"{u.Late}项次迟报" : null }.Where(s => s is not null)) + "）";

    public static string Requirements { get; } =
        "各责任单位要对照目标任务和时间节点，倒排工期、挂图作战；对欠进度、逾期事项逐项分析原因，制定整改措施，确保按期完成。" +
        "要严格落实进展报送制度，按时、如实报送工作进展和佐证材料。";

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
