using ClosedXML.Excel;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tests.Tracking;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Corrections;

/// <summary>
/// A correction shows everywhere the ledger's items are shown (issue 10, "Everywhere the same"): the items tracking
/// works on, status and its JSON, the unit's report form (a mark in the xlsx), the bulletin, the 台账 workbook and
/// the units' counts all take the corrected values from the one item source, on SQLite and PostgreSQL.
/// </summary>
public class CorrectionsEverywhereTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");
    private static readonly DateOnly July10 = new(2024, 7, 10);

    [Fact]
    public Task Sqlite() => CheckAsync(null);

    [SkippableFact]
    public Task Postgres()
    {
        var server = Environment.GetEnvironmentVariable("POLICYLEDGER_TEST_PG");
        Skip.If(string.IsNullOrWhiteSpace(server), "SKIPPED: no PostgreSQL server: POLICYLEDGER_TEST_PG is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; CI does)");
        return CheckAsync(server);
    }

    /// <summary>The correction services check who acts, as tracking's do: the role's action, then the documents' jurisdictions.</summary>
    [Fact]
    public async Task Services_check_the_acting_persons_role_and_jurisdictions()
    {
        await using var l = await TrackingLedger.CreateAsync();
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "甲一", ["财政局"], null), ("2", "甲二", ["财政局"], null)], jurisdiction: "甲市", docNumber: "甲政〔2024〕1号");
        await l.AddDocumentAsync("/nowhere/b.txt", "乙县2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "乙一", ["财政局"], null)], jurisdiction: "乙县", docNumber: "乙政〔2024〕2号");
        var reporter = new Actor("张三", ActorRole.Reporter, ["甲市/财政局"], []);
        var viewer = new Actor("王五", ActorRole.Viewer, [], []);
        var supervisor = new Actor("李四", ActorRole.Supervisor, [], ["甲市"]);
        var deadline = new ChangeRequest(CorrectionKind.SetDeadline, Value: "2024-06-30");

        var refused = await l.Get<CorrectionService>().CorrectAsync(reporter, new CorrectionInput("甲政〔2024〕1号#1", [deadline]));
        Assert.True(refused.Denied);
        Assert.Equal("PL-A01", Assert.Single(refused.Problems).Code);
        Assert.Equal("PL-A01", (await l.Get<ReviewService>().QueueAsync(reporter)).Problem?.Code);
        Assert.Equal("PL-A01", (await l.Get<ReviewService>().MarkCheckedAsync(viewer, "甲政〔2024〕1号#1")).Problem?.Code);
        Assert.Null((await l.Get<ReviewService>().QueueAsync(viewer)).Problem);

        Assert.True((await l.Get<CorrectionService>().CorrectAsync(supervisor, new CorrectionInput("甲政〔2024〕1号#1", [deadline]))).Ok);
        var outside = await l.Get<CorrectionService>().CorrectAsync(supervisor, new CorrectionInput("乙政〔2024〕2号#1", [deadline]));
        Assert.Equal("PL-A02", Assert.Single(outside.Problems).Code);
        Assert.True((await l.Get<CorrectionService>().CorrectAsync(l.Admin, new CorrectionInput("乙政〔2024〕2号#1", [deadline]))).Ok);

        // Each sees their own documents' corrections and items only; the administrator sees both.
        Assert.Equal(["甲政〔2024〕1号#1"], (await l.Get<CorrectionService>().ListAsync(supervisor)).Rows.Select(r => r.Item));
        Assert.Equal(2, (await l.Get<CorrectionService>().ListAsync(l.Admin)).Rows.Count);
        Assert.Equal(["甲政〔2024〕1号"], (await l.Get<ReviewService>().QueueAsync(supervisor, all: true)).Progress.Select(p => p.DocumentKey));
        var file = Path.Combine(l.Folder, "校对.yaml");
        await using (var writer = new StreamWriter(file))
        {
            Assert.Equal((1, 0, (CorrectionProblem?)null), await l.Get<CorrectionExchange>().ExportAsync(supervisor, writer));
        }

        await using (var writer = new StreamWriter(file))
        {
            Assert.Equal((2, 0, (CorrectionProblem?)null), await l.Get<CorrectionExchange>().ExportAsync(l.Admin, writer));
        }

        // A supervisor importing the whole file: the entry of the other place is refused by name, the own one holds.
        var imported = await l.Get<CorrectionExchange>().ImportAsync(supervisor, file);
        var problem = Assert.Single(imported.Problems);
        Assert.Equal(("乙政〔2024〕2号#1", "PL-A02"), (problem.Item, problem.Problem.Code));
        Assert.Equal(1, imported.Unchanged);
        await using var db = await l.Database.OpenAsync();
        Assert.Equal(2, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Corrections));
    }

    private static async Task CheckAsync(string? server)
    {
        await using var l = await TrackingLedger.CreateAsync(server);
        await l.AddDocumentAsync("/nowhere/plan.txt", "甲市2024年重点工作", new DateOnly(2024, 3, 1),
        [
            ("1", "城镇新增就业1.6万人", ["人力资源社会保障局"], (16000m, "人", "1.6万人")),
            ("2", "一般公共预算收入增长5%", ["财政局"], null),
            ("3", "新建5G基站500个", ["工业和信息化局", "人力资源社会保障局"], (500m, "个", "500个")),
            ("4", "各责任单位要按季度报告进展情况", ["发展和改革委员会"], null),
        ]);
        var before = await l.ItemsAsync();
        var key = before[0].DocumentKey;
        Assert.All(before, i => Assert.False(i.Corrected));

        // #2 was read with the wrong lead and no deadline (the reviewer types the short name, resolved as an import resolves it); #4 is a paragraph, not a task.
        var corrections = l.Get<CorrectionService>();
        var second = await corrections.CorrectAsync(Actor.LocalAdmin("张三"), new CorrectionInput($"{key}#2",
            [new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Lead, "人社局"), new ChangeRequest(CorrectionKind.SetDeadline, Value: "2024-06-30")], "核对原文"));
        Assert.True(second.Ok, string.Join("; ", second.Problems));
        var fourth = await l.Get<CorrectionService>().CorrectAsync(Actor.LocalAdmin("张三"), new CorrectionInput($"{key}#4", [new ChangeRequest(CorrectionKind.NotAnItem)], "是报送要求"));
        Assert.True(fourth.Ok, string.Join("; ", fourth.Problems));

        // Tracking's items: #4 gone, #2 led by 人社局 with the deadline the reviewer set, marked with the fields changed.
        var items = await l.ItemsAsync();
        Assert.Equal([$"{key}#1", $"{key}#2", $"{key}#3"], items.Select(i => i.Key));
        Assert.Equal([false, true, false], items.Select(i => i.Corrected));
        var corrected = items[1];
        Assert.Equal(["lead", "deadline"], corrected.CorrectedFields.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["人力资源社会保障局"], corrected.Units.Select(u => u.Name));
        Assert.Equal(before[0].Units.Single().Key, corrected.Units.Single().Key);
        Assert.Equal(before[0].Units.Single().Id, corrected.Units.Single().Id);
        Assert.Equal((new DateOnly(2024, 6, 30), "correction"), (corrected.Schedule.Deadline, corrected.Schedule.Basis));
        Assert.Equal((new DateOnly(2024, 12, 31), "plan-year"), (items[0].Schedule.Deadline, items[0].Schedule.Basis));

        // Status: the corrected deadline has passed with no report, so #2 is overdue; the JSON marks it corrected.
        var status = await l.StatusAsync(July10);
        Assert.Equal([false, true, false], status.Select(r => r.Status.State == TrackingState.Overdue));
        using (var json = System.Text.Json.JsonDocument.Parse(PolicyLedger.Cli.Output.TrackingJson.Status(status)))
        {
            Assert.Equal([false, true, false], json.RootElement.EnumerateArray().Select(e => e.GetProperty("corrected").GetBoolean()));
            Assert.Equal("2024-06-30", json.RootElement[1].GetProperty("deadline").GetString());
            Assert.Equal(["人力资源社会保障局"], json.RootElement[1].GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        }

        // A page of the 台账 (the web API's): its rows are the corrected items.
        var page = await l.Get<ItemPages>().PageAsync(l.Admin, new ItemPageQuery(new TrackingScope("甲市"), July10));
        Assert.True(page.Ok, page.Problem?.ToString());
        Assert.Equal([($"{key}#1", false), ($"{key}#2", true), ($"{key}#3", false)], page.Value!.Rows.Select(r => (r.Item.Key, r.Item.Corrected)));
        Assert.Equal(TrackingState.Overdue, page.Value.Rows[1].Status.State);

        // The form of 人社局 now holds #2 (marked); 财政局 has nothing left to report on, 发改委 neither.
        var form = await l.Get<FormService>().FormAsync(l.Admin, "人力资源社会保障局", Q2);
        Assert.True(form.Ok, form.Problem?.ToString());
        Assert.Equal([$"{key}#1", $"{key}#2", $"{key}#3"], form.Value!.Items.Select(i => i.ItemKey));
        Assert.Equal([false, true, false], form.Value.Items.Select(i => i.Corrected));
        Assert.False((await l.Get<FormService>().FormAsync(l.Admin, "财政局", Q2)).Ok);
        Assert.False((await l.Get<FormService>().FormAsync(l.Admin, "发展和改革委员会", Q2)).Ok);
        var formPath = Path.Combine(l.Folder, "form.xlsx");
        ReportFormWriter.Write(form.Value, formPath);
        Assert.True(DocumentValidityTests.XlsxErrors(formPath).Count == 0, string.Join("\n", DocumentValidityTests.XlsxErrors(formPath)));
        using (var book = new XLWorkbook(formPath))
        {
            var sheet = book.Worksheet("填报");
            var fills = Enumerable.Range(ReportFormLayout.FirstDataRow, 3)
                .Select(r => (sheet.Cell(r, ReportFormLayout.Key).GetString(), sheet.Cell(r, ReportFormLayout.Key).Style.Fill.BackgroundColor == ReportFormWriter.CorrectedFill))
                .ToList();
            Assert.Equal([($"{key}#1", false), ($"{key}#2", true), ($"{key}#3", false)], fills);
        }

        // The bulletin: three items, #2 overdue under 人社局; 财政局 and 发改委 are not in its ranking.
        var bulletin = await l.Get<BulletinService>().BulletinAsync(l.Admin, new BulletinRequest(Q2, new TrackingScope("甲市"), July10, null, "督查室", ["各单位"]));
        Assert.True(bulletin.Ok, bulletin.Problem?.ToString());
        Assert.Equal(3, bulletin.Value!.Total);
        var overdue = Assert.Single(bulletin.Value.Overdue);
        Assert.Equal(($"{key}#2", "人力资源社会保障局"), (overdue.ItemKey, overdue.Units.Single().Name));
        Assert.Equal(["人力资源社会保障局", "工业和信息化局"], bulletin.Value.Units.Select(u => u.Unit.Name).Order(StringComparer.Ordinal));

        // The 台账 workbook: three rows, #2's lead and deadline cells filled, its 状态 the status's, its 校对 cell saying who and why.
        var ledgerPath = Path.Combine(l.Folder, "台账.xlsx");
        var export = await l.Get<LedgerExportService>().WriteAsync(l.Admin, ledgerPath, new TrackingScope("甲市"), null, July10);
        Assert.True(export.Ok, export.Problem?.ToString());
        Assert.Equal(3, export.Value!.Items);
        Assert.True(DocumentValidityTests.XlsxErrors(ledgerPath).Count == 0, string.Join("\n", DocumentValidityTests.XlsxErrors(ledgerPath)));
        using (var book = new XLWorkbook(ledgerPath))
        {
            var sheet = book.Worksheet(1);
            var row = LedgerWorkbook.FirstDataRow + 1;
            Assert.Equal($"{key}#2", sheet.Cell(row, 10).GetString());
            Assert.Equal("人社局", sheet.Cell(row, 3).GetString());
            Assert.Equal(TrackingState.Overdue.Chinese(), sheet.Cell(row, 9).GetString());
            Assert.Equal(LedgerWorkbook.CorrectedFill, sheet.Cell(row, 3).Style.Fill.BackgroundColor);
            Assert.Equal(LedgerWorkbook.CorrectedFill, sheet.Cell(row, 7).Style.Fill.BackgroundColor);
            Assert.Contains("张三", sheet.Cell(row, 11).GetString(), StringComparison.Ordinal);
            Assert.Contains("核对原文", sheet.Cell(row, 11).GetString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, sheet.Cell(row - 1, 11).GetString());
            Assert.Equal(string.Empty, sheet.Cell(LedgerWorkbook.FirstDataRow + 3, 10).GetString());
        }

        // The units' counts: 人社局 leads two items and is responsible for one; 财政局 and 发改委 have none.
        await using var db = await l.Database.OpenAsync();
        var units = await LedgerQueries.UnitsAsync(db);
        var hr = units.Single(u => u.Unit == "人力资源社会保障局");
        Assert.Equal((2, 1, 0), (hr.Leads, hr.Responsible, hr.Cooperates));
        Assert.DoesNotContain(units, u => u.Unit is "财政局" or "发展和改革委员会" && u.Mentions.Count > 0);
        Assert.Contains(hr.Mentions, m => m.ItemKey == $"{key}#2" && m.Corrected);
    }
}
