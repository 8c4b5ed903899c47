using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

public class BulletinTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    private static BulletinItem I(string n, string unit, TrackingState state, decimal? percent, string? submitted) =>
        new("甲市2024年重点工作", n, n, "任务" + n, [new BulletinUnit("甲市/" + unit, unit)], state, percent, D("2024-12-31"),
            state == TrackingState.Done ? [] : [new DueReport(Q2, D("2024-06-30"), submitted is null ? null : D(submitted))]);

    private static Bulletin Sample() => BulletinBuilder.Build(
        [
            I("1", "人社局", TrackingState.Done, 100, "2024-06-28"),
            I("2", "人社局", TrackingState.OnSchedule, 50, "2024-06-28"),
            I("3", "财政局", TrackingState.Behind, 20, "2024-07-03"),
            I("4", "财政局", TrackingState.NotReported, null, null),
            I("5", "教育局", TrackingState.Overdue, 60, "2024-06-30"),
        ],
        Q2, "甲市", D("2024-07-10"), D("2024-07-10"),
        "甲市人民政府办公室", ["各开发区管理办公室", "市人民政府各部门"]);

    [Fact]
    public void Counts_ranks_and_lists()
    {
        var b = Sample();
        Assert.Equal(5, b.Total);
        Assert.Equal(20m, b.Counts.Single(c => c.State == TrackingState.Done).Percent);
        Assert.Equal(["人社局", "教育局", "财政局"], b.Units.Select(u => u.Unit.Name));
        Assert.Equal(75m, b.Units[0].Completion);
        Assert.Equal("5", Assert.Single(b.Overdue).ItemKey);
        Assert.Equal([new LateUnit(new BulletinUnit("甲市/财政局", "财政局"), 1, 1)], b.LateUnits);
        Assert.Equal((4, 2), (b.DueReports, b.OnTimeReports));
    }

    [Fact]
    public void Markdown_has_the_sections()
    {
        var md = MarkdownBulletinWriter.Write(Sample());
        Assert.StartsWith("# 关于2024年第二季度重点工作推进情况的通报", md, StringComparison.Ordinal);
        foreach (var s in new[] { "各开发区管理办公室，市人民政府各部门：", "## 一、总体情况", "已完成1项、占20%", "## 三、逾期事项（挂牌督办）", "### （一）教育局", "财政局（1项次未报送，1项次迟报）", "2024年7月10日" })
        {
            Assert.Contains(s, md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Docx_follows_the_official_layout()
    {
        var ms = new MemoryStream();
        DocxBulletinWriter.Write(Sample(), ms);
        ms.Position = 0;
        using var doc = WordprocessingDocument.Open(ms, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paras = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("关于2024年第二季度重点工作推进情况的通报", paras[0]);
        Assert.Equal(JustificationValues.Center, body.Elements<Paragraph>().First().ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("各开发区管理办公室，市人民政府各部门：", paras[1]);
        Assert.Contains("一、总体情况", paras);
        Assert.Contains("（一）教育局", paras);
        Assert.Equal("2024年7月10日", paras[^1]);
        var units = body.Elements<Table>().ElementAt(1);
        Assert.Equal("1人社局", string.Concat(units.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Take(2).Select(c => c.InnerText)));
    }
}
