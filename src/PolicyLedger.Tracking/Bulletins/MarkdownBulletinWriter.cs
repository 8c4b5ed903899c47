using System.Text;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>Writes a bulletin as Markdown, with the same sections as the .docx.</summary>
public static class MarkdownBulletinWriter
{
    public static string Write(Bulletin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var s = new StringBuilder();
        s.Append("# ").AppendLine(b.Title).AppendLine();
        s.AppendLine(BulletinText.Addressees(b)).AppendLine();
        s.AppendLine(BulletinText.Opening(b)).AppendLine();
        s.AppendLine("## 一、总体情况").AppendLine();
        s.AppendLine(BulletinText.Summary(b)).AppendLine();
        Table(s, BulletinText.CountHeaders, BulletinText.CountRows(b));
        s.AppendLine("## 二、各单位推进情况").AppendLine();
        s.AppendLine("按平均完成进度和按时报送情况排序：").AppendLine();
        Table(s, BulletinText.UnitHeaders, BulletinText.UnitRows(b));
        s.AppendLine("## 三、逾期事项（挂牌督办）").AppendLine();
        s.AppendLine(BulletinText.OverdueLead(b)).AppendLine();
        var n = 1;
        foreach (var (unit, items) in BulletinText.OverdueByUnit(b))
        {
            s.Append("### （").Append(BulletinText.ChineseNumber(n++)).Append("）").AppendLine(unit).AppendLine();
            foreach (var i in items)
            {
                s.Append("- ").AppendLine(BulletinText.OverdueLine(i));
            }

            s.AppendLine();
        }

        s.AppendLine("## 四、报送情况").AppendLine();
        s.AppendLine(BulletinText.LateLead(b)).AppendLine();
        foreach (var u in b.LateUnits)
        {
            s.Append("- ").AppendLine(BulletinText.LateLine(u));
        }

        if (b.LateUnits.Count > 0)
        {
            s.AppendLine();
        }

        s.AppendLine("## 五、下步要求").AppendLine();
        s.AppendLine(BulletinText.Requirements).AppendLine();
        s.Append("<div align=\"right\">").Append(b.Issuer).AppendLine("</div>").AppendLine();
        s.Append("<div align=\"right\">").Append(BulletinText.Date(b.Date)).AppendLine("</div>");
        return s.ToString();
    }

    private static void Table(StringBuilder s, string[] headers, IEnumerable<string[]> rows)
    {
        s.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        s.Append('|').AppendJoin("", headers.Select(_ => "---|")).AppendLine();
        foreach (var r in rows)
        {
            s.Append("| ").AppendJoin(" | ", r.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        s.AppendLine();
    }
}
