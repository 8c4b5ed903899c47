using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Tests.Corrections;
using PolicyLedger.Tests.Ledger;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// The 台账 pages (paged and filtered in SQL, the web's) say what `status` and `ledger` say (the corrected view) on a
/// ledger with corrections: an item marked not-an-item leaves the pages and their total, a paragraph taken as an item
/// gets its row, the unit filter goes by the units as corrected; and so again after a revert and after a new version
/// of the document is imported. On SQLite and on PostgreSQL.
/// </summary>
public abstract class CorrectedPagesTests(TwoLedgers ledgers) : IDisposable
{
    private static readonly DateOnly July10 = new(2024, 7, 10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 6, 2, 0, 0, TimeSpan.Zero));

    private readonly IUnitResolution _units = new ResolverUnitResolution();

    private const string A = "某政〔2024〕5号";

    private const string B = "某政〔2024〕6号";

    private static string Document(string number, IEnumerable<string> items) =>
        string.Join('\n', new[] { $"DOC {number}|某某县人民政府|关于印发2024年重点工作的通知" }.Concat(items.Select((t, i) => $"ITEM {i + 1}|{t}")));

    private static readonly string[] First =
    [
        "实施城市更新行动，全年改造老旧小区20个。|L=县住建局|R=县财政局",
        "加强农村公路养护，完成危桥改造10座。|R=县交通运输局",
        "推进数字政府建设，政务服务事项全程网办率达到90%。|R=县政务服务中心|C=县财政局",
        "做好防汛抗旱工作，完成病险水库除险加固3座。|R=县水利局|C=县应急管理局",
        "开展全民健身活动，新建健身步道5公里。|R=县体育局|T=2024-06-30",
    ];

    private static readonly string[] Second =
    [
        "落实困难群众救助政策，按时足额发放低保金。|R=县民政局|C=各乡镇人民政府",
        "统筹城乡水利设施建设，新建提灌站4处。|L=县水利局|R=县财政局",
        "完善城市排水管网，改造雨污管网12公里。|R=县住建局",
    ];

    [SkippableFact]
    public async Task Pages_totals_and_the_unit_filter_follow_corrections_as_status_does()
    {
        ledgers.RequireServer();
        var a = Path.Combine(ledgers.Folder, "a.txt");
        await File.WriteAllTextAsync(a, Document(A, First));
        await File.WriteAllTextAsync(Path.Combine(ledgers.Folder, "b.txt"), Document(B, Second));
        await ImportAsync(a, Path.Combine(ledgers.Folder, "b.txt"));
        var jurisdiction = await ScalarAsync(db => db.Documents.Select(d => d.Jurisdiction).FirstAsync());
        var finance = await ScalarAsync(db => db.Units.Where(u => u.Name.Contains("财政局")).Select(u => u.Key).SingleAsync());
        var water = await ScalarAsync(db => db.Units.Where(u => u.Name.Contains("水利局")).Select(u => u.Key).SingleAsync());
        await SameAsStatusAsync(jurisdiction, [finance, water], expectedTotal: 8);

        // #2 is not an item; #4's responsible unit was misread (县财政局, not 县水利局); the title line is taken as an item.
        Assert.True((await CorrectAsync($"{A}#2", new ChangeRequest(CorrectionKind.NotAnItem))).Ok);
        Assert.True((await CorrectAsync($"{A}#4", new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Responsible, "县财政局"))).Ok);
        var asItem = await CorrectAsync($"{A}#9", new ChangeRequest(CorrectionKind.AsItem, Value: "关于印发2024年重点工作的通知"));
        Assert.True(asItem.Ok, string.Join("; ", asItem.Problems));

        var pages = await SameAsStatusAsync(jurisdiction, [finance, water], expectedTotal: 8);
        Assert.DoesNotContain($"{A}#2", pages.All);
        Assert.Contains($"{A}#9", pages.All);
        Assert.Contains($"{A}#4", pages.ByUnit[finance]);
        Assert.DoesNotContain($"{A}#4", pages.ByUnit[water]);
        Assert.Contains($"{B}#2", pages.ByUnit[water]);

        // A ledger corrected before it kept corrected rows (here: the rows taken away) gets them when it is next opened.
        await using (var db = ledgers.First.CreateContext())
        {
            await db.Set<CorrectedRowUnit>().ExecuteDeleteAsync();
            await db.CorrectedRows.ExecuteDeleteAsync();
            await db.CorrectedDocuments.ExecuteDeleteAsync();
            Assert.True(await CorrectedRows.MissingAsync(db));
        }

        await using (var db = await ledgers.First.OpenAsync())
        {
            Assert.False(await CorrectedRows.MissingAsync(db));
        }

        Assert.Equal(pages, await SameAsStatusAsync(jurisdiction, [finance, water], expectedTotal: 8), new PagesComparer());

        // Reverted, #2 is back on its page and in the total.
        await using (var db = await ledgers.First.OpenAsync())
        {
            Assert.True((await new CorrectionService(db, _clock, _units).RevertAsync(Actor.LocalAdmin("张三"), $"{A}#2")).Ok);
        }

        pages = await SameAsStatusAsync(jurisdiction, [finance, water], expectedTotal: 9);
        Assert.Contains($"{A}#2", pages.All);

        // A new version of the document (a new document row), imported as the web's upload imports (no reapply step):
        // the import itself brings the corrected rows to the new document.
        await File.WriteAllTextAsync(a, Document(A, First.Append("加强安全生产监管，开展隐患排查整治。|R=县应急管理局")));
        await ImportAsync(reapply: false, a);
        pages = await SameAsStatusAsync(jurisdiction, [finance, water], expectedTotal: 10);
        Assert.Contains($"{A}#9", pages.All);
        Assert.Contains($"{A}#6", pages.All);
        Assert.DoesNotContain($"{A}#4", pages.ByUnit[water]);
    }

    /// <summary>
    /// A page's rows are read by hand (<c>StoredItemRows</c>): figures, times, a cadence set by the office, reports of two
    /// units and two periods (one corrected later, one late, one with no percent) come out as `status` reads them
    /// through EF Core — every field a row shows, its state and last report.
    /// </summary>
    [SkippableFact]
    public async Task Rows_with_figures_times_cadences_and_reports_read_as_status_reads_them()
    {
        ledgers.RequireServer();
        var a = Path.Combine(ledgers.Folder, "a.txt");
        string[] items =
        [
            "新建城市停车位1200个，年底前投入使用。|L=县住建局|R=县财政局|Q=1200|T=2024-12-31",
            "发放创业担保贷款5000万元。|R=县人社局|Q=50000000|T=2024-06-30|T=2024-09-30",
            "完成高标准农田建设2万亩。|R=县农业农村局|C=县财政局",
            "开展安全生产大检查。|L=县应急管理局|R=县住建局,县交通运输局|T=2024-03-31",
        ];
        await File.WriteAllTextAsync(a, Document(A, items));
        await ImportAsync(a);
        var jurisdiction = await ScalarAsync(db => db.Documents.Select(d => d.Jurisdiction).FirstAsync());
        var housing = await ScalarAsync(db => db.Responsibilities.Where(r => r.Mention == "县住建局").Select(r => r.Unit!.Key).FirstAsync());
        var finance = await ScalarAsync(db => db.Responsibilities.Where(r => r.Mention == "县财政局").Select(r => r.Unit!.Key).FirstAsync());
        var source = await ScalarAsync(db => db.Documents.Select(d => d.SourceId).FirstAsync());
        var admin = Actor.LocalAdmin("张三");
        Assert.True((await WithAsync<CadenceService, Result<PolicyLedger.Tracking.Periods.ReportingCadence>>(c => c.SetAsync(admin, source, 0, PolicyLedger.Tracking.Periods.PeriodKind.Month, 5))).Ok);

        async Task ReportAsync(string item, string period, decimal? percent, bool done, string? narrative, string? unit, DateOnly on)
        {
            var result = await WithAsync<ReportService, ReportResult>(r => r.AddAsync(admin, new ReportInput(
                $"{A}#{item}", PolicyLedger.Tracking.Periods.ReportingPeriod.Parse(period), percent, done, null, narrative, [], unit, SubmittedOn: on)));
            Assert.True(result.Outcome is ReportOutcome.Added or ReportOutcome.Corrected, result.Reason);
        }

        _clock.SetUtcNow(new DateTimeOffset(2024, 7, 9, 2, 0, 0, TimeSpan.Zero));
        await ReportAsync("1", "2024-04", 30m, false, "已完成选址", housing, new DateOnly(2024, 5, 3));
        await ReportAsync("1", "2024-05", 45.5m, false, "开工建设", finance, new DateOnly(2024, 6, 4));
        _clock.Advance(TimeSpan.FromHours(1));
        await ReportAsync("1", "2024-05", 50m, false, "主体完工", housing, new DateOnly(2024, 6, 4));
        await ReportAsync("2", "2024-06", null, false, "正在审核", null, new DateOnly(2024, 7, 8));
        await ReportAsync("4", "2024-03", 100m, true, "已完成", null, new DateOnly(2024, 4, 20));

        await SameAsStatusAsync(jurisdiction, [housing, finance], expectedTotal: 4);
        var rows = await AllPagesAsync(new ItemPageQuery(new TrackingScope(jurisdiction), July10, PageSize: 3));
        Assert.Equal(["主体完工", "正在审核", null, "已完成"], rows.Select(r => r.LastNarrative));
        Assert.All(rows, r => Assert.Equal(PolicyLedger.Tracking.Periods.PeriodKind.Month, r.Item.Cadence.Kind));
        Assert.Equal(1200m, rows[0].Item.Target);
        Assert.Equal(new DateOnly(2024, 9, 30), rows[1].Status.Deadline);

        // A page past the end, of the jurisdiction and of one unit in it: no rows, and the total all the same.
        var scope = new TrackingScope(jurisdiction);
        var past = await WithAsync<ItemPages, Result<ItemPage>>(p => p.PageAsync(admin, new ItemPageQuery(scope, July10, Page: 9, PageSize: 2)));
        Assert.Empty(past.Value!.Rows);
        Assert.Equal(4, past.Value.Total);
        var pastUnit = await WithAsync<ItemPages, Result<ItemPage>>(p => p.PageAsync(admin, new ItemPageQuery(scope, July10, housing, Page: 9, PageSize: 2)));
        Assert.Empty(pastUnit.Value!.Rows);
        Assert.Equal((await StatusAsync(new StatusQuery(scope, July10, housing))).Count, pastUnit.Value.Total);
        Assert.True(pastUnit.Value.Total > 0);
    }

    /// <summary>
    /// A unit's status (its rows judged from only what judging needs, <c>UnitStatusRows</c>, and the page read as the
    /// 台账's) says what `status` says for the unit: the same counts, total and rows page after page, and with each state
    /// asked for — on a ledger with reports of several periods and of two units, a done item, an overdue one, items
    /// without a deadline, and a corrected document; for the jurisdiction, a document, and the default scope.
    /// </summary>
    [SkippableFact]
    public async Task A_units_status_counts_and_rows_are_those_of_status()
    {
        ledgers.RequireServer();
        var a = Path.Combine(ledgers.Folder, "a.txt");
        var b = Path.Combine(ledgers.Folder, "b.txt");
        await File.WriteAllTextAsync(a, Document(A, [
            "新建城市停车位1200个。|L=县住建局|R=县财政局|Q=1200|T=2024-12-31",
            "完成老旧小区改造30个。|R=县住建局|T=2024-06-30",
            "开展燃气安全隐患排查。|R=县住建局|T=2024-09-30",
            "建设城市雨水调蓄设施。|R=县住建局,县水利局|T=2024-12-31",
            "加强农村公路养护。|R=县交通运输局|T=2024-12-31",
        ]));
        await File.WriteAllTextAsync(b, string.Join('\n',
            $"DOC {B}|某某县人民政府|关于加强城市管理工作的通知",
            "ITEM 1|规范城市管理执法。|R=县住建局",
            "ITEM 2|完善城市排水管网。|L=县住建局|C=县财政局",
            "ITEM 3|推进生活垃圾分类。|R=县城市管理局"));
        await ImportAsync(a, b);
        var jurisdiction = await ScalarAsync(db => db.Documents.Select(d => d.Jurisdiction).FirstAsync());
        Task<string> KeyOfAsync(string mention) => ScalarAsync(db => db.Responsibilities.Where(r => r.Mention == mention).Select(r => r.Unit!.Key).FirstAsync());
        var housing = await KeyOfAsync("县住建局");
        var finance = await KeyOfAsync("县财政局");
        var water = await KeyOfAsync("县水利局");

        // B#3 is the housing bureau's too (a reviewer's correction: B's rows are then corrected rows).
        Assert.True((await CorrectAsync($"{B}#3", new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Responsible, "县住建局"))).Ok);

        var admin = Actor.LocalAdmin("张三");
        async Task ReportAsync(string item, string period, decimal? percent, bool done, string unit, DateOnly on)
        {
            var result = await WithAsync<ReportService, ReportResult>(r => r.AddAsync(admin, new ReportInput(
                item, PolicyLedger.Tracking.Periods.ReportingPeriod.Parse(period), percent, done, null, "进展", [], unit, SubmittedOn: on)));
            Assert.True(result.Outcome is ReportOutcome.Added or ReportOutcome.Corrected, result.Reason);
        }

        _clock.SetUtcNow(new DateTimeOffset(2024, 7, 9, 2, 0, 0, TimeSpan.Zero));
        await ReportAsync($"{A}#1", "2024Q1", 20m, false, housing, new DateOnly(2024, 4, 3));
        await ReportAsync($"{A}#1", "2024Q2", 45m, false, housing, new DateOnly(2024, 7, 2));
        _clock.Advance(TimeSpan.FromHours(1));
        await ReportAsync($"{A}#1", "2024Q2", 60m, false, finance, new DateOnly(2024, 7, 3));
        await ReportAsync($"{A}#2", "2024Q1", 40m, false, housing, new DateOnly(2024, 4, 8));
        await ReportAsync($"{A}#3", "2024Q2", 100m, true, housing, new DateOnly(2024, 6, 20));
        await ReportAsync($"{A}#4", "2024Q2", 50m, false, water, new DateOnly(2024, 7, 5));
        await ReportAsync($"{B}#1", "2024Q2", null, false, housing, new DateOnly(2024, 7, 6));
        await ReportAsync($"{B}#3", "2024Q2", 30m, false, housing, new DateOnly(2024, 7, 6));

        async Task<IReadOnlyList<StatusRow>> SameAsync(TrackingScope scope, string unit)
        {
            var expected = await StatusAsync(new StatusQuery(scope, July10, unit));
            var counts = expected.GroupBy(r => r.Status.State).ToDictionary(g => g.Key, g => g.Count());
            var shown = new List<StatusRow>();
            for (var page = 1; ; page++)
            {
                var one = await WithAsync<ItemPages, Result<ItemPage>>(p => p.StatusAsync(admin, new ItemPageQuery(scope, July10, unit, Page: page, PageSize: 2)));
                Assert.True(one.Ok, one.Problem?.ToString());
                Assert.Equal(counts, one.Value!.Counts);
                Assert.Equal(expected.Count, one.Value.Total);
                shown.AddRange(one.Value.Rows);
                if (one.Value.Rows.Count == 0)
                {
                    break;
                }
            }

            Assert.Equal(expected.Select(Shown), shown.Select(Shown));
            foreach (var state in counts.Keys)
            {
                var only = await WithAsync<ItemPages, Result<ItemPage>>(p => p.StatusAsync(admin, new ItemPageQuery(scope, July10, unit, state)));
                Assert.Equal(expected.Where(r => r.Status.State == state).Select(Shown), only.Value!.Rows.Select(Shown));
                Assert.Equal(counts[state], only.Value.Total);
                Assert.Equal(counts, only.Value.Counts);
            }

            return expected;
        }

        var mine = await SameAsync(new TrackingScope(jurisdiction), housing);
        Assert.Equal([$"{A}#1", $"{A}#2", $"{A}#3", $"{A}#4", $"{B}#1", $"{B}#2", $"{B}#3"], mine.Select(r => r.Item.Key));
        var states = mine.Select(r => r.Status.State).ToHashSet();
        Assert.Contains(TrackingState.Done, states);
        Assert.Contains(TrackingState.Overdue, states);
        Assert.Contains(mine, r => r.Status.Deadline is null);
        Assert.Contains(mine, r => r.Item.Corrected);
        Assert.True(states.Count >= 4, string.Join(",", states));
        Assert.Equal(3, (await SameAsync(new TrackingScope(null, B), housing)).Count);
        await SameAsync(TrackingScope.Default, housing);
        await SameAsync(TrackingScope.Default, water);
        Assert.Single(await SameAsync(new TrackingScope(jurisdiction), finance));

        // A saved default scope, read in the same round trip as the unit asked for: the unit's rows in that document only.
        Assert.True((await WithAsync<ScopeService, Result<TrackingScope>>(s => s.SaveDefaultAsync(admin, new TrackingScope(null, B)))).Ok);
        Assert.Equal([$"{B}#1", $"{B}#2", $"{B}#3"], (await SameAsync(TrackingScope.Default, housing)).Select(r => r.Item.Key));
    }

    private sealed record Pages(IReadOnlyList<string> All, IReadOnlyDictionary<string, IReadOnlyList<string>> ByUnit);

    private sealed class PagesComparer : IEqualityComparer<Pages>
    {
        public bool Equals(Pages? x, Pages? y) =>
            x is not null && y is not null && x.All.SequenceEqual(y.All)
            && x.ByUnit.Count == y.ByUnit.Count && x.ByUnit.All(p => y.ByUnit.TryGetValue(p.Key, out var other) && p.Value.SequenceEqual(other));

        public int GetHashCode(Pages obj) => obj.All.Count;
    }

    /// <summary>
    /// Every page of the 台账 (2 rows a page) of the jurisdiction, and of each unit, concatenated, against `status` (the
    /// corrected view the CLI shows) and `ledger`'s rows: the same keys in the same order, the same totals and states.
    /// </summary>
    private async Task<Pages> SameAsStatusAsync(string jurisdiction, IReadOnlyList<string> units, int expectedTotal)
    {
        var scope = new TrackingScope(jurisdiction);
        var status = await StatusAsync(new StatusQuery(scope, July10));
        Assert.Equal(expectedTotal, status.Count);
        var all = await AllPagesAsync(new ItemPageQuery(scope, July10, PageSize: 2));
        Assert.Equal(status.Select(Shown), all.Select(Shown));
        await using (var db = await ledgers.First.OpenAsync())
        {
            var ledger = await LedgerQueries.RowsAsync(db, new LedgerFilter());
            Assert.Equal(ledger.Select(r => r.Key).Order(StringComparer.Ordinal), all.Select(r => r.Item.Key).Order(StringComparer.Ordinal));
        }

        // The status page's counts are those of the same rows.
        var counted = await WithAsync<ItemPages, Result<ItemPage>>(p => p.StatusAsync(Actor.LocalAdmin("张三"), new ItemPageQuery(scope, July10, PageSize: 3)));
        Assert.True(counted.Ok, counted.Problem?.ToString());
        Assert.Equal(status.GroupBy(r => r.Status.State).ToDictionary(g => g.Key, g => g.Count()), counted.Value!.Counts);
        Assert.Equal(status.Count, counted.Value.Total);

        var byUnit = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var unit in units)
        {
            var ofUnit = await StatusAsync(new StatusQuery(scope, July10, unit));
            var pages = await AllPagesAsync(new ItemPageQuery(scope, July10, unit, PageSize: 2));
            Assert.Equal(ofUnit.Select(Shown), pages.Select(Shown));
            Assert.NotEmpty(pages);
            byUnit[unit] = pages.Select(r => r.Item.Key).ToList();
        }

        return new Pages(all.Select(r => r.Item.Key).ToList(), byUnit);
    }

    /// <summary>Everything a row of the 台账 shows (the API's item fields): key, document, number, text, units, target, schedule, cadence, state, last report, corrected fields.</summary>
    private static string Shown(StatusRow r) => string.Join(" | ",
        r.Item.Key, r.Item.Document, r.Item.Jurisdiction, r.Item.Number, r.Item.Text, string.Join("、", r.Item.Units.Select(u => u.Key)),
        r.Item.TargetText, r.Item.Target, r.Item.Schedule, r.Item.Cadence, string.Join("、", r.Item.CorrectedFields),
        r.Status.State, r.Status.Light, r.Status.Deadline, r.Status.Reason, r.LastSubmitted, r.LastNarrative);

    /// <summary>Page after page until the total is reached; each page says the same total.</summary>
    private async Task<IReadOnlyList<StatusRow>> AllPagesAsync(ItemPageQuery query)
    {
        var rows = new List<StatusRow>();
        for (var page = 1; ; page++)
        {
            var one = await WithAsync<ItemPages, Result<ItemPage>>(p => p.PageAsync(Actor.LocalAdmin("张三"), query with { Page = page }));
            Assert.True(one.Ok, one.Problem?.ToString());
            rows.AddRange(one.Value!.Rows);
            Assert.True(one.Value.Rows.Count <= query.PageSize);
            if (rows.Count >= one.Value.Total || one.Value.Rows.Count == 0)
            {
                Assert.Equal(one.Value.Total, rows.Count);
                return rows;
            }
        }
    }

    private async Task<IReadOnlyList<StatusRow>> StatusAsync(StatusQuery query)
    {
        var result = await WithAsync<StatusService, Result<StatusReport>>(s => s.StatusAsync(Actor.LocalAdmin("张三"), query));
        Assert.True(result.Ok, result.Problem?.ToString());
        return result.Value!.Rows;
    }

    /// <summary>A service of a fresh scope (a request's worth), as the web host and the CLI get them.</summary>
    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var services = new ServiceCollection().AddPolicyLedger(ledgers.First, _clock).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<T> ScalarAsync<T>(Func<LedgerContext, Task<T>> read)
    {
        await using var db = await ledgers.First.OpenAsync();
        return await read(db);
    }

    private Task ImportAsync(params string[] paths) => ImportAsync(reapply: true, paths);

    /// <param name="reapply">Find the corrections again after the import, as the CLI's `import` does (the web's upload does not).</param>
    private async Task ImportAsync(bool reapply, params string[] paths)
    {
        var summary = await new LedgerImporter(ledgers.First, LedgerTestFiles.Read, _units, _clock).ImportAsync(paths);
        Assert.Equal(0, summary.Failed);
        if (reapply)
        {
            await using var db = await ledgers.First.OpenAsync();
            await new CorrectionService(db, _clock, _units).ReapplyAsync(Actor.LocalAdmin("导入"));
        }
    }

    private async Task<CorrectResult> CorrectAsync(string item, params ChangeRequest[] changes)
    {
        await using var db = await ledgers.First.OpenAsync();
        return await new CorrectionService(db, _clock, _units).CorrectAsync(Actor.LocalAdmin("张三"), new CorrectionInput(item, changes, "读错了"));
    }

    public void Dispose()
    {
        ledgers.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCorrectedPagesTests() : CorrectedPagesTests(TwoLedgers.Sqlite());

public sealed class PostgresCorrectedPagesTests() : CorrectedPagesTests(TwoLedgers.Postgres());
