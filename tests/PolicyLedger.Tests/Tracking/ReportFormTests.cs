using ClosedXML.Excel;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

public class ReportFormTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    private static readonly DictionaryFormCatalog Catalog = new(new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["1#1"] = ["人社局"],
        ["1#2"] = ["人社局", "财政局"],
        ["1#3"] = ["人社局"],
        ["1#4"] = ["人社局"],
        ["1#5"] = ["人社局"],
        ["1#6"] = ["人社局"],
        ["1#9"] = ["财政局"],
    });

    private static ReportForm Form() => new("人社局", Q2,
    [
        new("1#1", "济源市2024年重点工作", "1", "城镇新增就业1.6万人", "1.6万人", 16000, "人", "2024Q1", 25, false, "开展招聘会"),
        new("1#2", "济源市2024年重点工作", "2", "新增技能人才", null, null, null, null, null, false, null),
        new("1#3", "济源市2024年重点工作", "3", "三", null, null, null, null, null, false, null),
        new("1#4", "济源市2024年重点工作", "4", "四", null, null, null, null, null, false, null),
        new("1#5", "济源市2024年重点工作", "5", "五", null, null, null, null, null, false, null),
        new("1#6", "济源市2024年重点工作", "6", "六", null, null, null, null, null, false, null),
    ]);

    private static MemoryStream Written()
    {
        var ms = new MemoryStream();
        ReportFormWriter.Write(Form(), ms);
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void Writes_items_targets_and_last_report()
    {
        using var wb = new XLWorkbook(Written());
        var ws = wb.Worksheet("填报");
        Assert.Equal("2024年第二季度重点工作进展填报表", ws.Cell(1, 1).GetString());
        Assert.Equal("人社局", ws.Cell(2, 2).GetString());
        Assert.Equal("2024Q2", ws.Cell(2, 4).GetString());
        Assert.Equal("事项编号", ws.Cell(3, 1).GetString());
        Assert.Equal("1#1", ws.Cell(4, 1).GetString());
        Assert.Equal("1.6万人", ws.Cell(4, 5).GetString());
        Assert.Equal(25d, ws.Cell(4, 7).GetDouble());
        Assert.Equal("", ws.Cell(4, 10).GetString());
    }

    [Fact]
    public void An_unfilled_form_reads_as_blank_rows()
    {
        var r = ReportFormReader.Read(Written(), Catalog);
        Assert.Empty(r.Entries);
        Assert.Empty(r.Rejected);
        Assert.Equal(6, r.BlankRows);
        Assert.Equal("人社局", r.Unit);
        Assert.Equal(Q2, r.Period);
    }

    /// <summary>A filled form with good and bad rows: the bad ones are named with sheet, row and reason.</summary>
    [Fact]
    public void Good_rows_are_read_and_bad_rows_named()
    {
        using var filled = Fill(ws =>
        {
            Set(ws, 4, 60, "否", "1.2万", "举办招聘会20场", "招聘会.pdf；台账.xlsx", "张三"); // good
            Set(ws, 5, null, "是", null, "已完成", "验收报告.pdf", "张三"); // good
            Set(ws, 6, 120, null, null, "x", null, null); // percent > 100
            Set(ws, 7, "六成", null, null, "x", null, null); // percent not a number
            Set(ws, 8, 30, null, "很多", "x", null, null); // figure not a number
            ws.Cell(9, 9).Value = "2024Q1";
            Set(ws, 9, 30, null, null, "x", null, null); // wrong period
            ws.Cell(10, 1).Value = "1#9";
            Set(ws, 10, 30, null, null, "x", null, null); // item of another unit
            ws.Cell(11, 1).Value = "9#99";
            Set(ws, 11, 30, null, null, "x", null, null); // unknown item
        });
        var r = ReportFormReader.Read(filled, Catalog, Q2);
        Assert.Equal(["1#1", "1#2"], r.Entries.Select(e => e.ItemKey));
        var first = r.Entries[0];
        Assert.Equal((60m, false, 12000m, "张三"), (first.Percent!.Value, first.Done, first.Figure!.Value, first.Reporter!));
        Assert.Equal(["招聘会.pdf", "台账.xlsx"], first.Evidence);
        Assert.True(r.Entries[1].Done);
        Assert.Equal(
        [
            "填报!6: 完成进度120超出0–100",
            "填报!7: 完成进度“六成”不是数字",
            "填报!8: 完成数值“很多”不是一个数量（可写 30家、1.2万、16,000 或 3.5亿元）",
            "填报!9: 期间“2024Q1”与本表期间2024Q2不符",
            "填报!10: 事项 1#9 不是本单位的：其责任单位是 财政局",
            "填报!11: 没有编号为 9#99 的事项",
        ], r.Rejected.Select(x => x.ToString()));
    }

    [Fact]
    public void A_form_for_another_period_is_rejected_whole()
    {
        var r = ReportFormReader.Read(Fill(ws => Set(ws, 4, 60, null, null, "x", null, null)), Catalog, ReportingPeriod.Parse("2024Q3"));
        Assert.Empty(r.Entries);
        Assert.Equal("填报!2: 期间不符：此表是2024Q2的，应为2024Q3", Assert.Single(r.Rejected).ToString());
    }

    [Fact]
    public void Not_a_workbook_is_one_rejection()
    {
        var r = ReportFormReader.Read(new MemoryStream("not excel"u8.ToArray()), Catalog);
        Assert.Equal(0, Assert.Single(r.Rejected).Row);
    }

    [Theory]
    [InlineData("1.2万", 12000)]
    [InlineData("16,000", 16000)]
    [InlineData("50", 50)]
    [InlineData("3亿", 300000000)]
    public void Numbers(string text, decimal value)
    {
        Assert.True(ReportFormReader.TryNumber(text, out var v));
        Assert.Equal(value, v);
    }

    internal static MemoryStream Fill(Action<IXLWorksheet> fill)
    {
        using var wb = new XLWorkbook(Written());
        fill(wb.Worksheet("填报"));
        var ms = new MemoryStream();
        wb.SaveAs(ms);
        ms.Position = 0;
        return ms;
    }

    internal static void Set(IXLWorksheet ws, int row, object? percent, string? done, string? figure, string? narrative, string? evidence, string? reporter)
    {
        if (percent is not null)
        {
            ws.Cell(row, 10).Value = percent;
        }

        ws.Cell(row, 11).Value = done ?? "";
        ws.Cell(row, 12).Value = figure ?? "";
        ws.Cell(row, 13).Value = narrative ?? "";
        ws.Cell(row, 14).Value = evidence ?? "";
        ws.Cell(row, 15).Value = reporter ?? "";
    }
}
