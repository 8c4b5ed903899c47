using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Tests.Ledger;

namespace PolicyLedger.Tests.Corrections;

/// <summary>
/// Corrections stored in a real ledger, on each provider: SQLite (a file in a temp folder) and PostgreSQL (a fresh
/// database per test on the server POLICYLEDGER_TEST_PG names). Documents are written in the storage tests' line
/// format (<see cref="LedgerTestFiles"/>), units resolved by the reading library's resolver as imports do.
/// </summary>
public abstract class CorrectionStorageTests(TwoLedgers ledgers) : IDisposable
{
    protected string Folder => ledgers.Folder;

    protected void RequireServer() => ledgers.RequireServer();

    protected LedgerDatabase Database => ledgers.First;

    /// <summary>A second, fresh ledger (for the exchange file).</summary>
    protected LedgerDatabase Other => ledgers.Second;

    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 5, 6, 2, 0, 0, TimeSpan.Zero));

    private readonly IUnitResolution _units = new ResolverUnitResolution();

    internal static readonly string[] Texts =
    [
        "实施城市更新行动，全年改造老旧小区20个。|L=县住建局|R=县财政局",
        "加强农村公路养护，完成危桥改造10座。|R=县交通运输局",
        "推进数字政府建设，政务服务事项全程网办率达到90%。|R=县政务服务中心|C=县大数据局",
        "做好防汛抗旱工作，完成病险水库除险加固3座。|R=县水利局|C=县应急管理局",
        "开展全民健身活动，新建健身步道5公里。|R=县体育局",
        "落实困难群众救助政策，按时足额发放低保金。|R=县民政局|C=各乡镇人民政府",
    ];

    /// <summary>A document of the given items (each "text|L=…|R=…|C=…"), numbered from 1.</summary>
    internal static string Document(IEnumerable<string> items, string number = "某政〔2024〕5号") =>
        string.Join('\n', new[] { $"DOC {number}|某某县人民政府|关于印发2024年重点工作的通知" }
            .Concat(items.Select((t, i) => $"ITEM {i + 1}|{t}")));

    protected string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    protected async Task ImportAsync(LedgerDatabase database, params string[] paths)
    {
        var summary = await new LedgerImporter(database, LedgerTestFiles.Read, _units, Clock).ImportAsync(paths);
        Assert.Equal(0, summary.Failed);
        await using var db = await database.OpenAsync();
        await new CorrectionService(db, Clock, _units).ReapplyAsync(Actor.LocalAdmin("导入"));
    }

    protected async Task<CorrectResult> CorrectAsync(string item, params ChangeRequest[] changes) => await CorrectAsync(Database, item, "张三", changes);

    protected async Task<CorrectResult> CorrectAsync(LedgerDatabase database, string item, string by, params ChangeRequest[] changes)
    {
        await using var db = await database.OpenAsync();
        return await new CorrectionService(db, Clock, _units).CorrectAsync(Actor.LocalAdmin(by), new CorrectionInput(item, changes, "读错了"));
    }

    protected async Task<IReadOnlyList<LedgerRow>> RowsAsync(LedgerDatabase? database = null)
    {
        await using var db = await (database ?? Database).OpenAsync();
        return await LedgerQueries.RowsAsync(db, new LedgerFilter());
    }

    protected async Task<IReadOnlyList<CorrectionRow>> ListAsync(LedgerDatabase? database = null)
    {
        await using var db = await (database ?? Database).OpenAsync();
        return (await new CorrectionService(db, Clock, _units).ListAsync(Actor.LocalAdmin("张三"))).Rows;
    }

    private static ChangeRequest Lead(string units) => new(CorrectionKind.SetRole, LedgerRole.Lead, units);

    private static ChangeRequest Deadline(string date) => new(CorrectionKind.SetDeadline, Value: date);

    private const string Key = "某政〔2024〕5号";

    [SkippableFact]
    public async Task A_correction_shows_in_the_ledger_the_units_the_json_and_the_workbook_and_is_audited()
    {
        RequireServer();
        await ImportAsync(Database, Write("a.txt", Document(Texts)));

        var result = await CorrectAsync($"{Key}#2", Lead("县公路事业发展中心、县交通运输局"), Deadline("2024-06-30"));

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        var rows = await RowsAsync();
        var second = rows.Single(r => r.Key == $"{Key}#2");
        Assert.True(second.Corrected);
        Assert.Equal(["县公路事业发展中心", "县交通运输局"], second.Lead);
        Assert.Equal(new DateOnly(2024, 6, 30), second.Deadline);
        Assert.Equal(["lead", "deadline"], second.CorrectedFields);
        Assert.All(rows.Where(r => r.Key != second.Key), r => Assert.False(r.Corrected));

        await using var db = await Database.OpenAsync();
        var units = await LedgerQueries.UnitsAsync(db);
        var road = Assert.Single(units, u => u.Unit.Contains("公路事业发展中心", StringComparison.Ordinal));
        Assert.Equal((1, 0), (road.Leads, road.Responsible));
        Assert.True(Assert.Single(road.Mentions).Corrected);

        // The unit resolves as imported units do: the corrected 县交通运输局 is the unit the reading named.
        var transport = units.Where(u => u.Mentions.Any(m => m.Mention == "县交通运输局")).ToList();
        Assert.Single(transport);
        Assert.Equal((1, 1), (transport[0].Leads, transport[0].Responsible));

        var audit = await db.AuditLog.Where(a => a.Action == "correct").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(($"{Key}#2", "张三", "items"), (entry.EntityKey, entry.Actor, entry.Entity));
        Assert.Contains("\"lead\":[]", entry.Before, StringComparison.Ordinal);
        Assert.Contains("县公路事业发展中心", entry.After, StringComparison.Ordinal);
        Assert.Contains("2024-06-30", entry.After, StringComparison.Ordinal);
        Assert.Equal(Clock.GetUtcNow(), entry.At);

        var json = new StringWriter();
        Assert.Equal(0, await LedgerCommand.RunAsync(Database, new LedgerFilter(), "json", json, TextWriter.Null));
        using var parsed = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.Equal([false, true, false, false, false, false], parsed.RootElement.EnumerateArray().Select(e => e.GetProperty("corrected").GetBoolean()));
        Assert.Equal($"{Key}#2", parsed.RootElement[1].GetProperty("key").GetString());

        var xlsx = Path.Combine(Folder, "台账.xlsx");
        Assert.Equal(0, await ExportCommand.RunAsync(Database, xlsx, PolicyLedger.Ledger.Tracking.TrackingScope.Default, null, new DateOnly(2024, 7, 1), null, CliIo.Of(TextWriter.Null, TextWriter.Null)));
        using (var workbook = new XLWorkbook(xlsx))
        {
            var sheet = workbook.Worksheet(1);
            var row = LedgerWorkbook.FirstDataRow + 1;
            Assert.Equal($"{Key}#2", sheet.Cell(row, 10).GetString());
            Assert.Contains("牵头单位：无 → 县公路事业发展中心、县交通运输局（张三 2024-05-06，读错了）", sheet.Cell(row, 11).GetString(), StringComparison.Ordinal);
            Assert.Equal(LedgerWorkbook.CorrectedFill, sheet.Cell(row, 3).Style.Fill.BackgroundColor);
            Assert.Equal(LedgerWorkbook.CorrectedFill, sheet.Cell(row, 7).Style.Fill.BackgroundColor);
            Assert.NotEqual(LedgerWorkbook.CorrectedFill, sheet.Cell(row, 4).Style.Fill.BackgroundColor);
            Assert.Equal(string.Empty, sheet.Cell(row - 1, 11).GetString());
        }

        using var document = SpreadsheetDocument.Open(xlsx, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [SkippableFact]
    public async Task The_same_correction_again_changes_nothing_and_a_new_value_replaces_it()
    {
        RequireServer();
        await ImportAsync(Database, Write("a.txt", Document(Texts)));
        Assert.True((await CorrectAsync($"{Key}#3", Lead("县大数据局"))).Ok);

        var again = await CorrectAsync($"{Key}#3", Lead("县大数据局"));
        Assert.Equal(ChangeOutcome.Unchanged, Assert.Single(again.Changes).Outcome);
        var other = await CorrectAsync($"{Key}#3", Lead("县政务服务中心"));
        Assert.Equal(ChangeOutcome.Replaced, Assert.Single(other.Changes).Outcome);

        await using var db = await Database.OpenAsync();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "correct"));
        var stored = await db.Corrections.SingleAsync();
        Assert.Equal(("县政务服务中心", "读错了", "张三"), (stored.Value, stored.Why, stored.By));
        Assert.Equal(["县政务服务中心"], (await RowsAsync()).Single(r => r.Item == "3").Lead);
    }

    [SkippableFact]
    public async Task Bad_input_is_refused_with_a_code_naming_what_is_wrong_and_nothing_is_stored()
    {
        RequireServer();
        await ImportAsync(Database, Write("a.txt", Document(Texts)));
        Assert.True((await CorrectAsync($"{Key}#1", Deadline("2024-09-30"))).Ok);
        var before = await RowsAsync();

        (string Item, ChangeRequest[] Changes, string Code, string Says)[] cases =
        [
            ($"{Key}#99", [Lead("县财政局")], CorrectionCodes.UnknownItem, "#99"),
            ("某政〔2099〕1号#1", [Lead("县财政局")], CorrectionCodes.UnknownItem, "某政〔2099〕1号"),
            ("没有井号", [Lead("县财政局")], CorrectionCodes.UnknownItem, "文号#序号"),
            ($"{Key}#1", [Lead("县财政局、、县商务局")], CorrectionCodes.BadUnitList, "空的名称"),
            ($"{Key}#1", [Lead("县财政局"), Deadline("2024-13-01")], CorrectionCodes.BadDate, "2024-13-01"),
            ($"{Key}#1", [new ChangeRequest(CorrectionKind.SetTarget, Value: "尽快完成")], CorrectionCodes.BadTarget, "尽快完成"),
            ($"{Key}#1", [new ChangeRequest(CorrectionKind.RemoveUnit, Value: "县教育局")], CorrectionCodes.BadUnitList, "没有这个单位"),
            ($"{Key}#1", [new ChangeRequest(CorrectionKind.Split, Value: "不在文中的一句")], CorrectionCodes.BadSplit, "没有这段文字"),
            ($"{Key}#6", [new ChangeRequest(CorrectionKind.MergeNext)], CorrectionCodes.NoNextItem, "最后一项"),
            ($"{Key}#1", [new ChangeRequest(CorrectionKind.NotAnItem), Lead("县财政局")], CorrectionCodes.Conflict, "单独"),
            ($"{Key}#1", [], CorrectionCodes.NothingAsked, "--lead"),
        ];
        foreach (var (item, changes, code, says) in cases)
        {
            var result = await CorrectAsync(item, changes);
            Assert.False(result.Ok, item);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(code, problem.Code);
            Assert.Contains(says, problem.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before.Select(r => (r.Key, string.Join("、", r.Lead), r.Deadline, r.Corrected)), (await RowsAsync()).Select(r => (r.Key, string.Join("、", r.Lead), r.Deadline, r.Corrected)));
        await using var db = await Database.OpenAsync();
        Assert.Equal(1, await db.Corrections.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "correct"));
    }

    [SkippableFact]
    public async Task Revert_shows_the_item_as_read_again()
    {
        RequireServer();
        await ImportAsync(Database, Write("a.txt", Document(Texts)));
        var read = await RowsAsync();
        Assert.True((await CorrectAsync($"{Key}#4", Lead("县水利局"), new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Cooperating, string.Empty))).Ok);
        Assert.True((await CorrectAsync($"{Key}#5", new ChangeRequest(CorrectionKind.NotAnItem))).Ok);
        Assert.Equal(5, (await RowsAsync()).Count);

        await using (var db = await Database.OpenAsync())
        {
            var service = new CorrectionService(db, Clock, _units);
            var li = Actor.LocalAdmin("李四");
            Assert.Equal(2, (await service.RevertAsync(li, $"{Key}#4")).Changes.Count);
            Assert.True((await service.RevertAsync(li, $"{Key}#5")).Ok);
            Assert.Equal(CorrectionCodes.UnknownItem, Assert.Single((await service.RevertAsync(li, $"{Key}#5")).Problems).Code);
        }

        var after = await RowsAsync();
        Assert.Equal(read.Select(r => (r.Key, r.Text, string.Join("、", r.Lead), string.Join("、", r.Cooperating))), after.Select(r => (r.Key, r.Text, string.Join("、", r.Lead), string.Join("、", r.Cooperating))));
        Assert.All(after, r => Assert.False(r.Corrected));
        await using var check = await Database.OpenAsync();
        Assert.Empty(await check.Corrections.ToListAsync());
        Assert.Equal(2, await check.AuditLog.CountAsync(a => a.Action == "revert" && a.Actor == "李四"));
    }

    [SkippableFact]
    public async Task Reimporting_the_same_file_changes_nothing_and_a_new_version_moves_or_orphans_each_correction()
    {
        RequireServer();
        var a = Write("a.txt", Document(Texts));
        await ImportAsync(Database, a);
        Assert.True((await CorrectAsync($"{Key}#2", Lead("县公路事业发展中心"))).Ok);
        Assert.True((await CorrectAsync($"{Key}#4", Deadline("2024-07-31"))).Ok);
        Assert.True((await CorrectAsync($"{Key}#5", new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Cooperating, "县教育局"))).Ok);
        var corrected = await RowsAsync();

        await ImportAsync(Database, a);
        Assert.Equal(Describe(corrected), Describe(await RowsAsync()));

        // A new version: an item inserted first, item 4 reworded, item 5 deleted.
        var items = Texts.ToList();
        items[3] = items[3].Replace("3座", "5座", StringComparison.Ordinal);
        items.RemoveAt(4);
        items.Insert(0, "优化营商环境，企业开办时间压缩至1个工作日。|R=县市场监管局");
        Write("a.txt", Document(items));
        await ImportAsync(Database, a);

        var rows = await RowsAsync();
        Assert.Equal(["县公路事业发展中心"], rows.Single(r => r.Item == "3").Lead);
        Assert.Equal(new DateOnly(2024, 7, 31), rows.Single(r => r.Item == "5").Deadline);
        Assert.Equal(["3", "5"], rows.Where(r => r.Corrected).Select(r => r.Item));
        var list = await ListAsync();
        Assert.Equal([(CorrectionState.Applied, $"{Key}#3"), (CorrectionState.Applied, $"{Key}#5"), (CorrectionState.Orphaned, null)], list.Select(r => (r.State, r.AppliedTo)));
        Assert.Equal(CorrectionCodes.ItemGone, list[2].Problem?.Code);
        await using (var review = await Database.OpenAsync())
        {
            Assert.Equal(1, (await new ReviewService(review, Clock).QueueAsync(Actor.LocalAdmin("王五"))).Orphaned);
        }

        await using var db = await Database.OpenAsync();
        var reapplied = await db.AuditLog.Where(x => x.Action == "reapply").ToListAsync();
        Assert.Equal(3, reapplied.Count);
        Assert.Contains(reapplied, x => x.After!.Contains("orphaned", StringComparison.Ordinal) && x.After.Contains("PL-C02", StringComparison.Ordinal));
        var anchors = await db.Corrections.OrderBy(c => c.Id).Select(c => c.ItemId).ToListAsync();
        Assert.Equal(["3", "5", "5"], anchors);
    }

    private static IEnumerable<string> Describe(IEnumerable<LedgerRow> rows) =>
        rows.Select(r => $"{r.Key}|{r.Text}|{string.Join("、", r.Lead)}|{string.Join("、", r.Responsible)}|{string.Join("、", r.Cooperating)}|{r.Deadline}|{string.Join("；", r.Quantities)}|{r.Corrected}|{string.Join(",", r.CorrectedFields)}");

    [SkippableFact]
    public async Task Exported_corrections_imported_into_a_fresh_ledger_give_the_same_ledger_and_twice_change_nothing()
    {
        RequireServer();
        var a = Write("a.txt", Document(Texts));
        await ImportAsync(Database, a);
        await ImportAsync(Other, a);
        Assert.True((await CorrectAsync($"{Key}#1", Lead("县城市管理局"), new ChangeRequest(CorrectionKind.AddUnit, LedgerRole.Cooperating, "县财政局"))).Ok);
        Assert.True((await CorrectAsync($"{Key}#3", new ChangeRequest(CorrectionKind.SetTarget, Value: "95%"), new ChangeRequest(CorrectionKind.RemoveUnit, Value: "县大数据局"))).Ok);
        Assert.True((await CorrectAsync($"{Key}#4", new ChangeRequest(CorrectionKind.MergeNext))).Ok);
        Assert.True((await CorrectAsync($"{Key}#6", new ChangeRequest(CorrectionKind.Split, Value: "按时足额"))).Ok);
        Assert.True((await CorrectAsync($"{Key}#6之二", Deadline("2024-12-20"))).Ok);
        await using (var db = await Database.OpenAsync())
        {
            Assert.Null((await new ReviewService(db, Clock).MarkCheckedAsync(Actor.LocalAdmin("王五"), $"{Key}#2")).Problem);
        }

        var file = Path.Combine(Folder, "校对.yaml");
        await using (var db = await Database.OpenAsync())
        await using (var writer = new StreamWriter(file))
        {
            Assert.Equal((7, 1, (CorrectionProblem?)null), await new CorrectionExchange(db, Clock, _units).ExportAsync(Actor.LocalAdmin("张三"), writer));
        }

        CorrectionImportResult first, second;
        await using (var db = await Other.OpenAsync())
        {
            first = await new CorrectionExchange(db, Clock, _units).ImportAsync(Actor.LocalAdmin("赵六"), file);
        }

        await using (var db = await Other.OpenAsync())
        {
            second = await new CorrectionExchange(db, Clock, _units).ImportAsync(Actor.LocalAdmin("赵六"), file);
        }

        Assert.Empty(first.Problems);
        Assert.Equal((7, 0, 1), (first.Added, first.Unchanged + first.Replaced, first.ChecksAdded));
        Assert.Equal((0, 0, 7, 0, 1), (second.Added, second.Replaced, second.Unchanged, second.ChecksAdded, second.ChecksUnchanged));
        Assert.False(second.Changed);

        Assert.Equal(Describe(await RowsAsync()), Describe(await RowsAsync(Other)));
        Assert.Equal(6, (await RowsAsync(Other)).Count);
        var json = new StringWriter();
        var otherJson = new StringWriter();
        Assert.Equal(0, await LedgerCommand.RunAsync(Database, new LedgerFilter(), "json", json, TextWriter.Null));
        Assert.Equal(0, await LedgerCommand.RunAsync(Other, new LedgerFilter(), "json", otherJson, TextWriter.Null));
        Assert.Equal(json.ToString(), otherJson.ToString());
        var units = new StringWriter();
        var otherUnits = new StringWriter();
        Assert.Equal(0, await UnitsCommand.RunAsync(Database, null, "json", units, TextWriter.Null));
        Assert.Equal(0, await UnitsCommand.RunAsync(Other, null, "json", otherUnits, TextWriter.Null));
        Assert.Equal(units.ToString(), otherUnits.ToString());

        await using var other = await Other.OpenAsync();
        var people = await other.Corrections.OrderBy(c => c.Id).Select(c => c.By).Distinct().ToListAsync();
        Assert.Equal(["张三"], people);
        Assert.Equal("王五", (await other.ReviewChecks.SingleAsync()).By);
        Assert.Equal(7, await other.AuditLog.CountAsync(x => x.Action == "correct" && x.Context == "corrections import 校对.yaml"));
    }

    [SkippableFact]
    public async Task A_file_with_broken_entries_applies_the_valid_ones_and_names_the_broken()
    {
        RequireServer();
        await ImportAsync(Database, Write("a.txt", Document(Texts)));
        var file = Write("c.yaml", $"""
            corrections:
            - item: {Key}#1
              text: 实施城市更新行动，全年改造老旧小区20个。
              change: lead
              value: 县城市管理局
            - item: {Key}#2
              text: 加强农村公路养护，完成危桥改造10座。
              change: deadline
              value: 2024-02-30
            - item: {Key}#3
              change: lead
              value: 县大数据局
            - item: {Key}#4
              text: 做好防汛抗旱工作，完成病险水库除险加固3座。
              change: cooperating
              value: 县应急管理局、、
            - item: {Key}#5
              text: 开展全民健身活动，新建健身步道5公里。
              change: rename
            - item: 某政〔2099〕9号#1
              text: 一项别的文件的任务。
              change: deadline
              value: 2024-06-30
            """);

        CorrectionImportResult result;
        await using (var db = await Database.OpenAsync())
        {
            result = await new CorrectionExchange(db, Clock, _units).ImportAsync(Actor.LocalAdmin("张三"), file);
        }

        Assert.Equal(2, result.Added);
        Assert.Equal([2, 3, 4, 5], result.Problems.Select(p => p.Number));
        Assert.Equal([CorrectionCodes.BadDate, CorrectionCodes.BrokenEntry, CorrectionCodes.BadUnitList, CorrectionCodes.BrokenEntry], result.Problems.Select(p => p.Problem.Code));
        Assert.Contains("第2条（第6行", result.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("text", result.Problems[1].Problem.Message, StringComparison.Ordinal);
        Assert.Equal(["县城市管理局"], (await RowsAsync()).Single(r => r.Item == "1").Lead);

        // The entry for a document the ledger does not hold is kept, orphaned with the reason.
        var list = await ListAsync();
        Assert.Equal(CorrectionCodes.DocumentGone, Assert.Single(list, r => r.State == CorrectionState.Orphaned).Problem?.Code);
    }

    [SkippableFact]
    public async Task The_review_lists_doubtful_items_first_with_the_clause_as_written_and_counts_progress()
    {
        RequireServer();
        var items = Texts.ToList();
        items[2] += "|D=PL304:条目中含有疑似另一条目的编号“2.”";
        items[4] = "开展全民健身活动，新建健身步道5公里。";
        await ImportAsync(Database, Write("a.txt", Document(items)));
        Assert.True((await CorrectAsync($"{Key}#2", Lead("县公路事业发展中心"))).Ok);

        await using var db = await Database.OpenAsync();
        var review = new ReviewService(db, Clock);
        var wang = Actor.LocalAdmin("王五");
        var queue = await review.QueueAsync(wang);
        Assert.Equal([$"{Key}#3", $"{Key}#5", $"{Key}#1", $"{Key}#4", $"{Key}#6"], queue.Rows.Select(r => r.Key));
        Assert.Equal("PL304", Assert.Single(queue.Rows[0].Doubts).Code);
        Assert.Equal(PolicyLedger.Reading.Syntax.DiagnosticCodes.ClauseEmpty, Assert.Single(queue.Rows[1].Doubts).Code);
        Assert.Equal(5, queue.Total);
        Assert.StartsWith("ITEM 1|实施城市更新行动", queue.Rows[2].Clause, StringComparison.Ordinal);
        Assert.Equal(["县住建局"], queue.Rows[2].Shown.Lead);
        Assert.Equal(new DocumentProgress(Key, Key, 6, 0, 1, 5), Assert.Single(queue.Progress));

        Assert.Equal(ChangeOutcome.Added, (await review.MarkCheckedAsync(wang, $"{Key}#1")).Outcome);
        Assert.Equal(ChangeOutcome.Unchanged, (await review.MarkCheckedAsync(wang, $"{Key}#1")).Outcome);
        Assert.Equal(CorrectionCodes.UnknownItem, (await review.MarkCheckedAsync(wang, $"{Key}#9")).Problem?.Code);
        var after = await review.QueueAsync(wang, all: true);
        Assert.Equal(new DocumentProgress(Key, Key, 6, 1, 1, 4), Assert.Single(after.Progress));
        Assert.Equal((ReviewState.Checked, "王五"), after.Rows.Where(r => r.Key == $"{Key}#1").Select(r => (r.State, r.CheckedBy)).Single());
        Assert.Equal(1, await db.AuditLog.CountAsync(x => x.Action == "check"));
    }

    [SkippableFact]
    public async Task A_check_holds_while_the_text_stays_the_same_under_any_number()
    {
        RequireServer();
        var a = Write("a.txt", Document(Texts));
        await ImportAsync(Database, a);
        await using (var db = await Database.OpenAsync())
        {
            var review = new ReviewService(db, Clock);
        var wang = Actor.LocalAdmin("王五");
            await review.MarkCheckedAsync(wang, $"{Key}#1");
            await review.MarkCheckedAsync(wang, $"{Key}#2");
        }

        var items = Texts.ToList();
        items[1] = items[1].Replace("10座", "12座", StringComparison.Ordinal);
        items.Insert(0, "优化营商环境，企业开办时间压缩至1个工作日。|R=县市场监管局");
        Write("a.txt", Document(items));
        await ImportAsync(Database, a);

        await using var check = await Database.OpenAsync();
        var queue = await new ReviewService(check, Clock).QueueAsync(Actor.LocalAdmin("王五"), all: true);
        Assert.Equal([$"{Key}#2"], queue.Rows.Where(r => r.State == ReviewState.Checked).Select(r => r.Key));
    }

    [SkippableFact]
    public async Task A_key_two_current_documents_share_is_told_apart_by_the_file_form_which_limits_the_correction_to_that_file()
    {
        RequireServer();
        await ImportAsync(Database, Write("a.txt", Document(Texts)), Write("b.txt", Document(Texts)));

        var ambiguous = await CorrectAsync($"{Key}#2", Deadline("2024-06-30"));
        var problem = Assert.Single(ambiguous.Problems);
        Assert.Equal(CorrectionCodes.UnknownItem, problem.Code);
        Assert.Contains("a.txt", problem.Message, StringComparison.Ordinal);
        Assert.Contains("b.txt", problem.Message, StringComparison.Ordinal);

        long source;
        await using (var db = await Database.OpenAsync())
        {
            source = await db.Sources.Where(x => x.FileName == "b.txt").Select(x => x.Id).SingleAsync();
        }

        Assert.True((await CorrectAsync($"{source}#2", Deadline("2024-06-30"))).Ok);
        var rows = await RowsAsync();
        await using var check = await Database.OpenAsync();
        var files = await check.Documents.Select(d => new { d.Id, d.Source!.FileName }).ToDictionaryAsync(d => d.Id, d => d.FileName);
        Assert.Equal([(false, "a.txt"), (true, "b.txt")], rows.Where(r => r.Item == "2").Select(r => (r.Corrected, files[r.DocumentId])).OrderBy(x => x.Item2).ToList());
        Assert.Equal("b.txt", (await check.Corrections.SingleAsync()).SourceFile);
    }

    public void Dispose()
    {
        ledgers.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCorrectionStorageTests() : CorrectionStorageTests(TwoLedgers.Sqlite());

public sealed class PostgresCorrectionStorageTests() : CorrectionStorageTests(TwoLedgers.Postgres());
