using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Formats;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// Issue 15, findings 3 and 5: a form attaches evidence only from its own folder (never an absolute path, "..", or a
/// link out of the folder); the cadence is read once at import from the text the reader saw (right for .docx too)
/// and source files are never read again. And the Markdown bulletin never passes document text through as markup.
/// </summary>
public class EvidenceAndCadenceTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    [Fact]
    public async Task A_form_attaches_evidence_only_from_its_own_folder()
    {
        await using var l = await TrackingLedger.CreateAsync();
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            Enumerable.Range(1, 6).Select(n => (n.ToString(), $"任务{n}", new[] { "人社局" }, ((decimal Value, string Unit, string Text)?)null)), docNumber: "甲政〔2024〕1号");
        var folder = Directory.CreateDirectory(Path.Combine(l.Folder, "填报")).FullName;
        var outside = Path.Combine(l.Folder, "secret.txt");
        await File.WriteAllTextAsync(outside, "机密");
        await File.WriteAllTextAsync(Path.Combine(folder, "照片.pdf"), "佐证");
        File.CreateSymbolicLink(Path.Combine(folder, "link.pdf"), outside);
        Directory.CreateSymbolicLink(Path.Combine(folder, "dir"), l.Folder);
        var form = Path.Combine(folder, "form.xlsx");
        ReportFormWriter.Write((await l.Get<FormService>().FormAsync(l.Admin, "人社局", Q2)).Value!, form);
        using (var wb = new XLWorkbook(form))
        {
            var ws = wb.Worksheet("填报");
            string[] evidence = ["照片.pdf", "/etc/passwd", "../../../../etc/passwd", "link.pdf", "dir/secret.txt", "没有这个.pdf"];
            for (var i = 0; i < evidence.Length; i++)
            {
                ws.Cell(4 + i, 10).Value = 50;
                ws.Cell(4 + i, 14).Value = evidence[i];
            }

            wb.Save();
        }

        l.At("2024-06-28");
        var result = (await l.Reports.ImportFormAsync(l.Admin, form, Q2)).Value!;
        Assert.Equal(1, result.Added);
        Assert.Equal([5, 6, 7, 8, 9], result.Rejected.Select(r => r.Row));
        Assert.Contains("是绝对路径", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("含“..”", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("指向文件夹以外的链接", result.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("指向文件夹以外的链接", result.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.Contains("找不到", result.Rejected[4].Reason, StringComparison.Ordinal);
        var blobs = await l.Db.EvidenceBlobs.Select(b => b.Content).ToListAsync();
        Assert.Equal(["佐证"], blobs.Select(b => System.Text.Encoding.UTF8.GetString(b)));

        // An allowed root elsewhere is honoured, and only it.
        var root = Directory.CreateDirectory(Path.Combine(l.Folder, "材料")).FullName;
        Assert.Equal("佐证材料“照片.pdf”在 " + root + " 中找不到", new EvidenceFolder(root).Problem("照片.pdf"));
    }

    [Fact]
    public async Task The_cadence_is_stored_at_import_and_the_file_is_never_read_again()
    {
        await using var l = await TrackingLedger.CreateAsync();
        var text = Path.Combine(l.Folder, "plan.txt");
        await File.WriteAllTextAsync(text, "甲市人民政府关于印发甲市2024年重点工作的通知\n甲政〔2024〕5号\n各单位：\n一、重点工作\n1．新增就业1万人。（责任单位：市人社局）\n各责任单位于次月5日前报送上月工作进展。\n甲市人民政府\n2024年2月1日\n");
        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(l.Database, [text], null, output, new StringWriter()));
        var stored = await l.Db.Documents.SingleAsync();
        Assert.Equal(("Month", (int?)5), (stored.CadenceKind, stored.CadenceDueDay));

        // The file changes on disk (not re-imported) and then goes away: tracking goes on from what was stored.
        await File.WriteAllTextAsync(text, "每半年报告一次。");
        Assert.Equal(PeriodKind.Month, (await l.ItemsAsync()).Single().Cadence.Kind);
        File.Delete(text);
        var item = (await l.ItemsAsync()).Single();
        Assert.Equal((PeriodKind.Month, (int?)5), (item.Cadence.Kind, item.Cadence.DueDayOfNextMonth));
        l.At("2024-03-04");
        Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(new ReportInput(item.Key, ReportingPeriod.Parse("2024-02"), 10, false, null, null, [], null))).Outcome);
    }

    [Fact]
    public async Task The_cadence_of_a_docx_is_read_from_its_text()
    {
        await using var l = await TrackingLedger.CreateAsync();
        var docx = Path.Combine(l.Folder, "plan.docx");
        await File.WriteAllBytesAsync(docx, new DocxBuilder()
            .Paragraph("乙县人民政府关于印发乙县2024年重点项目的通知")
            .Paragraph("乙政〔2024〕7号")
            .Paragraph("一、重点项目")
            .Paragraph("1．建成产业园一个。（责任单位：县发展改革委）")
            .Paragraph("各责任单位每半年向县政府书面报告一次进展情况。")
            .Paragraph("乙县人民政府")
            .Paragraph("2024年1月10日")
            .Build());
        var errors = new StringWriter();
        Assert.True(await ImportCommand.RunAsync(l.Database, [docx], null, new StringWriter(), errors) == 0, errors.ToString());
        var item = (await l.ItemsAsync()).Single();
        Assert.Equal(PeriodKind.Half, item.Cadence.Kind);
        Assert.Contains("每半年", item.Cadence.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_text_never_becomes_markup_in_the_markdown_bulletin()
    {
        var unit = new BulletinUnit("甲市/x", "<script>alert(1)</script>办公室");
        var item = new BulletinItem("[点我](http://evil.example/)", "甲#1", "1", "**加粗** `代码` # 标题 | 表格 ![图](x.png) <img src=x onerror=alert(1)> www.evil.example", [unit],
            PolicyLedger.Tracking.Status.TrackingState.Overdue, 10, new DateOnly(2024, 6, 30), [new DueReport(Q2, new DateOnly(2024, 6, 30), null)]);
        var b = BulletinBuilder.Build([item], Q2, "甲市", new DateOnly(2024, 7, 10), new DateOnly(2024, 7, 10), "<b>督查室</b>", ["[各单位](javascript:alert(1))"]);
        var md = MarkdownBulletinWriter.Write(b);
        foreach (var raw in new[] { "<script>", "<img", "<b>", "](http", "](javascript", "**加粗**", "`代码`", "![", "http://" })
        {
            Assert.DoesNotContain(raw, md, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;办公室", md, StringComparison.Ordinal);
        Assert.Contains("\\*\\*加粗\\*\\*", md, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\| 表格", md);
        Assert.Equal("a\\u202Eb c\\u0007", SafeText.Markdown("a\u202Eb\nc\u0007"));
    }

    [Theory]
    [InlineData("1. 标题", "1\\. 标题")]
    [InlineData("12.", "12\\.")]
    [InlineData("39.8%", "39.8%")]
    [InlineData("2024.6.30", "2024.6.30")]
    [InlineData("1）", "1）")]
    public void A_full_stop_after_digits_is_escaped_only_where_it_would_open_a_list(string text, string expected) =>
        Assert.Equal(expected, SafeText.Markdown(text));
}
