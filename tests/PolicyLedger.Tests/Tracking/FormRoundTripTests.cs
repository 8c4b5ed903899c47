using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

/// <summary>The Excel round trip: export a unit's form, fill it with good and bad rows, import it twice.</summary>
public class FormRoundTripTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    [Fact]
    public async Task Bad_rows_are_named_good_rows_stored_and_a_second_import_is_a_no_op()
    {
        await using var l = await TrackingLedger.CreateAsync();
        var source = await l.AddDocumentAsync(Path.Combine(l.Folder, "none.txt"), "甲市2024年重点工作", new DateOnly(2024, 6, 27),
        [
            ("1", "城镇新增就业1.6万人", ["人社局"], (16000m, "人", "1.6万人")),
            ("2", "新增技能人才1万人", ["人社局"], (10000m, "人", "1万人")),
            ("3", "开展职业技能培训", ["人社局"], null),
            ("4", "一般公共预算收入增长5%", ["财政局"], null),
        ]);
        var form = Path.Combine(l.Folder, "人社局-2024Q2.xlsx");
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, await ReportFormExport.RunAsync(l.Database, form, "人社局", "2024Q2", TrackingScope.Default, null, CliIo.Of(output, errors)));
        Assert.Contains("3项", output.ToString(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(l.Folder, "招聘会.pdf"), "pdf");
        var s = source.Documents[0].Key;
        using (var wb = new XLWorkbook(form))
        {
            var ws = wb.Worksheet("填报");
            Assert.Equal($"{s}#1", ws.Cell(4, 1).GetString());
            ws.Cell(4, 10).Value = 60;
            ws.Cell(4, 12).Value = "1.2万";
            ws.Cell(4, 13).Value = "举办招聘会20场";
            ws.Cell(4, 14).Value = "招聘会.pdf";
            ws.Cell(4, 15).Value = "张三";
            ws.Cell(5, 10).Value = 150; // percent outside 0–100
            ws.Cell(6, 10).Value = 40;
            ws.Cell(6, 12).Value = "不详"; // figure not a number
            ws.Cell(7, 1).Value = $"{s}#4"; // item of another unit
            ws.Cell(7, 9).Value = "2024Q2";
            ws.Cell(7, 10).Value = 50;
            ws.Cell(8, 1).Value = $"{s}#9"; // unknown item
            ws.Cell(8, 9).Value = "2024Q2";
            ws.Cell(8, 10).Value = 50;
            wb.Save();
        }

        l.At("2024-06-29");
        var reportsBefore = await l.Db.ProgressReports.CountAsync();
        output = new StringWriter();
        errors = new StringWriter();
        Assert.Equal(1, await ProgressCommand.ImportAsync(l.Database, form, Q2, "tester", CliIo.Of(output, errors)));
        var rejected = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rejected.Length);
        Assert.EndsWith("填报 第5行：完成进度150超出0–100", rejected[0], StringComparison.Ordinal);
        Assert.EndsWith("填报 第6行：完成数值“不详”不是一个数量（可写 30家、1.2万、16,000 或 3.5亿元）", rejected[1], StringComparison.Ordinal);
        Assert.EndsWith($"填报 第7行：事项 {s}#4 不是本单位的：其责任单位是 财政局", rejected[2], StringComparison.Ordinal);
        Assert.EndsWith($"填报 第8行：没有编号为 {s}#9 的事项", rejected[3], StringComparison.Ordinal);
        Assert.Contains("添加1行，更正0行，未变化0行，未采纳4行", output.ToString(), StringComparison.Ordinal);

        var stored = await l.Db.ProgressReports.Include(r => r.Figures).Include(r => r.Evidence).SingleAsync();
        Assert.Equal(reportsBefore + 1, await l.Db.ProgressReports.CountAsync());
        Assert.Equal(("1", "2024Q2", 60m, 12000m, "张三", "招聘会.pdf"), (stored.ItemKey, stored.Period, stored.Percent!.Value, stored.Figures.Single().Value, stored.ReportedBy, stored.Evidence.Single().FileName));

        var audit = await l.Db.AuditLog.CountAsync();
        output = new StringWriter();
        Assert.Equal(1, await ProgressCommand.ImportAsync(l.Database, form, Q2, "tester", CliIo.Of(output, new StringWriter())));
        Assert.Contains("添加0行，更正0行，未变化1行，未采纳4行", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await l.Db.ProgressReports.CountAsync());
        Assert.Equal(audit, await l.Db.AuditLog.CountAsync());

        // The next form carries this report as the last one.
        var next = Path.Combine(l.Folder, "next.xlsx");
        Assert.Equal(0, await ReportFormExport.RunAsync(l.Database, next, "人社局", "2024Q3", TrackingScope.Default, null, CliIo.Of(new StringWriter(), new StringWriter())));
        using var again = new XLWorkbook(next);
        Assert.Equal(60d, again.Worksheet("填报").Cell(4, 7).GetDouble());
        Assert.Equal("举办招聘会20场", again.Worksheet("填报").Cell(4, 8).GetString());
    }

    [Fact]
    public async Task Form_needs_a_known_unit_and_a_period()
    {
        await using var l = await TrackingLedger.CreateAsync();
        var errors = new StringWriter();
        Assert.Equal(2, await ReportFormExport.RunAsync(l.Database, Path.Combine(l.Folder, "x.xlsx"), "无此单位", "2024Q2", TrackingScope.Default, null, CliIo.Of(new StringWriter(), errors)));
        Assert.Contains("没有名称或编号为“无此单位”的牵头或责任单位", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await ReportFormExport.RunAsync(l.Database, Path.Combine(l.Folder, "x.xlsx"), "人社局", "二季度", TrackingScope.Default, null, CliIo.Of(new StringWriter(), new StringWriter())));
    }
}
