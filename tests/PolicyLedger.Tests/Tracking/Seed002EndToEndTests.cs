using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tests.Support;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// Seed 002 (济源市 2024, 154 tasks, 每季度末 reporting) end to end: `import` reads it into the ledger, its cadence is
/// read from the seed's text, the test writes reports for two quarters, then status and a .docx bulletin are checked.
/// </summary>
public class Seed002EndToEndTests
{
    [SkippableFact]
    public async Task Two_quarters_of_reports_give_the_expected_status_and_bulletin()
    {
        SharedData.Require();
        await using var l = await TrackingLedger.CreateAsync();
        var seed = SharedData.Path("seeds", "002_1db4aff5efda3015.txt");
        var importOutput = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(l.Database, [seed], null, importOutput, new StringWriter()));
        Assert.Contains("154 个事项", importOutput.ToString(), StringComparison.Ordinal);
        var imported = await l.Db.AuditLog.Where(a => a.Action == "import").SingleAsync();
        Assert.Equal((seed, "sources"), (imported.EntityKey, imported.Entity));
        Assert.Contains("\"Items\":154", imported.After, StringComparison.Ordinal);
        var items = await l.ItemsAsync();
        Assert.Equal(154, items.Count);
        Assert.All(items, i => Assert.Equal(PeriodKind.Quarter, i.Cadence.Kind));
        // Deadlines: the plan year (2024) for every item, except item 79, whose text gives one (9月底前完成…).
        // (Items whose text says 全年 or 年底前 get 2024-12-31 from their text; the rest from the plan year.)
        var dated = items.Where(i => i.Schedule.Deadline != new DateOnly(2024, 12, 31)).ToList();
        Assert.Equal(["79"], dated.Select(i => i.ItemKey));
        Assert.Equal((new DateOnly(2024, 9, 30), "text"), (dated[0].Schedule.Deadline!.Value, dated[0].Schedule.Basis));
        Assert.Contains(items, i => i.Schedule.Basis == "plan-year");

        // Q1: every item reported on time at 25 %, except items 151–154 (never report).
        l.At("2024-03-29");
        foreach (var item in items.Where(i => Number(i) <= 150))
        {
            Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(new ReportInput(item.Key, ReportingPeriod.Parse("2024Q1"), 25, false, null, "一季度推进", [], null))).Outcome);
        }

        // Q2 (due 2024-06-30): 1–10 done; 11–100 at 50 % on time; 101–130 at 30 % on time; 131–150 at 50 % late (07-05).
        l.At("2024-06-28");
        foreach (var item in items.Where(i => Number(i) <= 130))
        {
            var n = Number(item);
            var (percent, done) = n <= 10 ? (100m, true) : n <= 100 ? (50m, false) : (30m, false);
            await l.ReportAsync(new ReportInput(item.Key, ReportingPeriod.Parse("2024Q2"), percent, done, null, "二季度推进", [], null));
        }

        l.At("2024-07-05");
        foreach (var item in items.Where(i => Number(i) is > 130 and <= 150))
        {
            await l.ReportAsync(new ReportInput(item.Key, ReportingPeriod.Parse("2024Q2"), 50, false, null, "二季度推进", [], null));
        }

        var status = await l.StatusAsync(new DateOnly(2024, 7, 10));
        var counts = status.GroupBy(s => s.Status.State).ToDictionary(g => g.Key, g => g.Count());
        // Item 79 reported 50 % at the end of Q2 with 66 % of its time (to 09-30) gone: behind.
        Assert.Equal(TrackingState.Behind, status.Single(r => r.Item.ItemKey == "79").Status.State);
        Assert.Equal(10, counts[TrackingState.Done]);
        Assert.Equal(109, counts[TrackingState.OnSchedule]);
        Assert.Equal(31, counts[TrackingState.Behind]);
        Assert.Equal(4, counts[TrackingState.NotReported]);

        // At the year's end with nothing more reported, every unfinished item is overdue.
        var yearEnd = await l.StatusAsync(new DateOnly(2025, 1, 1));
        Assert.Equal(144, yearEnd.Count(s => s.Status.State == TrackingState.Overdue));

        var docx = Path.Combine(l.Folder, "bulletin.docx");
        var output = new StringWriter();
        var request = new BulletinRequest(ReportingPeriod.Parse("2024Q2"), TrackingScope.Default, new DateOnly(2024, 7, 10), new DateOnly(2024, 7, 12),
            "济源市人民政府办公室", ["各开发区管理办公室", "各镇人民政府", "各街道办事处", "市人民政府各部门"]);
        Assert.Equal(0, await BulletinCommand.RunAsync(l.Database, request, "docx", docx, null, CliIo.Of(output, new StringWriter())));
        Assert.Empty(DocumentValidityTests.DocxErrors(docx));
        using var doc = WordprocessingDocument.Open(docx, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paras = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("关于2024年第二季度重点工作推进情况的通报", paras[0]);
        Assert.Equal("各开发区管理办公室，各镇人民政府，各街道办事处，市人民政府各部门：", paras[1]);
        Assert.Contains("本期共跟踪重点工作154项，其中已完成10项、占6.5%；达进度109项、占70.8%；欠进度31项、占20.1%；未报送4项、占2.6%。", paras);
        Assert.Equal("2024年7月12日", paras[^1]);

        var countTable = body.Elements<Table>().First();
        var cells = countTable.Elements<TableRow>().Skip(1).ToDictionary(r => r.Elements<TableCell>().First().InnerText, r => r.Elements<TableCell>().ElementAt(1).InnerText);
        Assert.Equal("10", cells["已完成"]);
        Assert.Equal("4", cells["未报送"]);

        // Units of items 131–154 reported late or not at all; the unit of item 1 is ranked in the table.
        var unitsOf = (int n) => items.First(i => Number(i) == n).Units.Select(u => u.Name);
        var late = paras.SkipWhile(p => p != "四、报送情况").TakeWhile(p => p != "五、下步要求").ToList();
        foreach (var unit in unitsOf(152).Concat(unitsOf(140)))
        {
            Assert.Contains(late, p => p.StartsWith(unit + "（", StringComparison.Ordinal));
        }

        var ranking = body.Elements<Table>().ElementAt(1).Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText).ToList();
        Assert.Contains(unitsOf(1).First(), ranking);
    }

    private static int Number(TrackedItem item) => int.Parse(item.ItemKey, System.Globalization.CultureInfo.InvariantCulture);
}
