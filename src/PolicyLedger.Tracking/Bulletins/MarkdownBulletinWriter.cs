using System.Text;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>Writes a bulletin as Markdown, with the same sections as the .docx; every text passes <see cref="SafeText.Markdown"/> (no document text becomes markup).</summary>
public static class MarkdownBulletinWriter
{
    public static string Write(Bulletin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var s = new StringBuilder();
        s.Append("# ").AppendLine(E(b.Title)).AppendLine();
        s.AppendLine(E(BulletinText.Addressees(b))).AppendLine();
        s.AppendLine(E(BulletinText.Opening(b))).AppendLine();
        s.AppendLine("## 一、总体情况").AppendLine();
        s.AppendLine(E(BulletinText.Summary(b))).AppendLine();
        if (!BulletinText.IsEmpty(b))
        {
            Table(s, BulletinText.CountHeaders, BulletinText.CountRows(b));
            s.AppendLine("## 二、各单位推进情况").AppendLine();
            s.AppendLine(E(BulletinText.RankingLead(b))).AppendLine();
            Table(s, BulletinText.UnitHeaders, BulletinText.UnitRows(b));
            s.AppendLine("## 三、逾期事项（挂牌督办）").AppendLine();
            s.AppendLine(E(BulletinText.OverdueLead(b))).AppendLine();
            var n = 1;
            foreach (var (unit, items) in BulletinText.OverdueByUnit(b))
            {
                s.Append("### （").Append(BulletinText.ChineseNumber(n++)).Append("）").AppendLine(E(unit)).AppendLine();
                foreach (var i in items)
                {
                    s.Append("- ").AppendLine(E(BulletinText.OverdueLine(i)));
                }

                s.AppendLine();
            }

            s.AppendLine("## 四、报送情况").AppendLine();
            s.AppendLine(E(BulletinText.LateLead(b))).AppendLine();
            foreach (var u in b.LateUnits)
            {
                s.Append("- ").AppendLine(E(BulletinText.LateLine(u)));
            }

            if (b.LateUnits.Count > 0)
            {
                s.AppendLine();
            }
        }

        s.AppendLine(BulletinText.IsEmpty(b) ? "## 二、下步要求" : "## 五、下步要求").AppendLine();
        s.AppendLine(E(BulletinText.Requirements)).AppendLine();
        s.Append("<div align=\"right\">").Append(E(b.Issuer)).AppendLine("</div>").AppendLine();
        s.Append("<div align=\"right\">").Append(E(BulletinText.Date(b.Date))).AppendLine("</div>");
        return s.ToString();
    }

    private static string E(string text) => SafeText.Markdown(text);

    private static void Table(StringBuilder s, string[] headers, IEnumerable<string[]> rows)
    {
        s.Append("| ").AppendJoin(" | ", headers.Select(E)).AppendLine(" |");
        s.Append('|').AppendJoin("", headers.Select(_ => "---|")).AppendLine();
        foreach (var r in rows)
        {
            s.Append("| ").AppendJoin(" | ", r.Select(E)).AppendLine(" |");
        }

        s.AppendLine();
    }
}
