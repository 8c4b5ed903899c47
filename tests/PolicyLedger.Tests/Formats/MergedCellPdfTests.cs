using System.Globalization;
using System.Net;
using System.Text;
using PolicyLedger.Tests.Formats.Producers;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// A task table as web pages write them, printed by Chromium: the lead unit in a cell merged over three rows (groups
/// of rows that page breaks fall into, so the browser splits merged cells and draws their text on the first page
/// only), and units in a narrow column where the line breaks just before an opening bracket ("…、各镇" / "（街道）").
/// The PDF reads like the page: the same items with the same roles.
/// </summary>
public class MergedCellPdfTests(ITestOutputHelper output)
{
    private static readonly string[] Leads = ["区发展改革局", "区商务局", "区财政局", "区住房城乡建设局", "区市场监管局", "区经济信息化局", "区教育局"];

    // Seven, eight or nine characters before the bracket, in a column eight characters wide.
    private static readonly string[] Responsible = ["区财政局、各镇（街道）", "区税务局、各乡（镇）", "区民政局、各乡镇（街道）", "区市场监管局、各镇（街道）", "区自然资源局", "区人社局、区教育局、各镇（街道）"];

    private static readonly string[] Tasks = ["推进重点项目建设，全年完成投资", "开展促消费活动", "新增规模以上企业", "完成老旧小区改造", "培训职业技能人员", "新建改扩建学校"];

    [SkippableFact]
    public void Merged_cells_split_by_page_breaks_and_narrow_cells_read_as_on_the_page()
    {
        PdfProducers.RequireChromium();
        var html = Page(rows: 42);

        var page = Agreement.Read("任务表.html", Encoding.UTF8.GetBytes(html));
        var pdf = Agreement.Read("任务表.pdf", PdfProducers.Print(html));
        output.WriteLine(pdf.Text);

        Assert.Equal(42, page.Documents.Sum(d => d.Items.Count));
        Assert.All(page.Documents.SelectMany(d => d.Items), item => Assert.Contains(item.Roles, r => r.Role == PolicyLedger.Reading.Syntax.Role.Lead));
        Agreement.AssertSameReading(page, pdf);
    }

    private static string Page(int rows)
    {
        var body = new StringBuilder();
        for (var n = 1; n <= rows; n++)
        {
            var lead = (n - 1) % 3 == 0 ? $"<td rowspan=\"{Math.Min(3, rows - n + 1)}\">{WebUtility.HtmlEncode(Leads[(n / 3) % Leads.Length])}</td>" : "";
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{n}</td><td>{Tasks[n % Tasks.Length]}{10 + n}个</td>{lead}<td>{WebUtility.HtmlEncode(Responsible[n % Responsible.Length])}</td><td>2024年{1 + (n % 12)}月底前</td></tr>\n");
        }

        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>任务分解表</title><style>\n"
            + "@page { size: 148mm 210mm; margin: 15mm; }\n"
            + "body { font-family: 'Noto Serif CJK SC', serif; font-size: 12pt; }\n"
            + "table { border-collapse: collapse; table-layout: fixed; width: 100%; } th, td { border: 1px solid #000; font-size: 11pt; padding: 2pt 4pt; vertical-align: middle; }\n"
            + ".units { width: 8em; }\n"
            + "</style></head><body>\n<p style=\"text-align:center\">2024年重点工作任务分解表</p>\n"
            + "<table><thead><tr><th style=\"width:2em\">序号</th><th>工作任务</th><th style=\"width:6em\">牵头单位</th><th class=\"units\">责任单位</th><th style=\"width:6em\">完成时限</th></tr></thead><tbody>\n"
            + body + "</tbody></table>\n</body></html>\n";
    }
}
