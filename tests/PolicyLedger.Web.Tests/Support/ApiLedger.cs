using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Web.Hosting;

namespace PolicyLedger.Web.Tests.Support;

/// <summary>
/// A ledger for API tests, made at test time from documents written here (two counties, three documents), read and
/// imported by the real reader and importer, with a user of each role, a bearer token each, and a report with an
/// evidence file on each item a case aims at.
/// <list type="bullet">
/// <item>A (甲县): #1 交通运输局, #2 人力资源和社会保障局, #3 交通运输局; C (甲县): #1 人力资源和社会保障局 only; B (乙县): #1 住房和城乡建设局, #2 人力资源和社会保障局.</item>
/// <item>admin; supervisor and viewer of 甲县; reporter of 甲县/交通运输局.</item>
/// </list>
/// "Own" is what a user's scope holds (甲县; for the reporter its unit's item), "other" what it does not (乙县; for the reporter another unit's item).
/// </summary>
public sealed class ApiLedger : IDisposable
{
    public const string Period = "2024Q2";

    public static readonly string[] Roles = ["admin", "supervisor", "reporter", "viewer"];

    public const string DocA = "甲政〔2024〕1号";
    public const string DocB = "乙政〔2024〕2号";
    public const string DocC = "甲政〔2024〕3号";

    private ApiLedger(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }

    public LedgerDatabase Database => Db.Database;

    public Dictionary<string, string> Tokens { get; } = [];

    public static string Name(string role) => role + "-user";

    public static string Document(string title, string number, string date, params string[] items) =>
        $"{title}\n{number}\n各乡镇人民政府,县人民政府各部门:\n现将2024年重点工作任务予以分解。各责任单位要制定落实方案和台账,每季度末向县政府报告进展情况。\n一、重点任务\n" +
        string.Join("\n", items.Select((t, i) => $"{i + 1}.{t}")) + $"\n{date}\n";

    public static async Task<ApiLedger> CreateAsync(Provider provider)
    {
        var ledger = new ApiLedger(TestDatabase.Create(provider));
        var folder = Path.Combine(ledger.Db.Folder, "docs");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), Document("甲县人民政府关于明确2024年重点工作责任单位的通知", DocA, "2024年1月10日",
            "6月底前完成城区道路改造20公里。(县交通运输局负责)", "新增城镇就业岗位500个。(县人力资源和社会保障局负责)", "年底前建成充电桩100个。(县交通运输局负责)"));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.txt"), Document("乙县人民政府关于明确2024年重点工作责任单位的通知", DocB, "2024年1月12日",
            "9月底前新建公园3个。(县住房和城乡建设局负责)", "新增城镇就业岗位300个。(县人力资源和社会保障局负责)"));
        await File.WriteAllTextAsync(Path.Combine(folder, "c.txt"), Document("甲县人民政府关于做好2024年稳就业工作的通知", DocC, "2024年1月15日",
            "开展招聘活动20场。(县人力资源和社会保障局负责)"));
        var summary = await new LedgerImporter(ledger.Database, Readers.Create(), ResolverUnitResolution.FromFile(null), TimeProvider.System)
            .ImportAsync(Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        Assert.True(summary.Failed == 0 && summary.Items == 6, summary.ToString());

        await TestUsers.AddAsync(ledger.Database, Name("admin"), "admin");
        await TestUsers.AddAsync(ledger.Database, Name("supervisor"), "supervisor", jurisdictions: ["甲县"]);
        await TestUsers.AddAsync(ledger.Database, Name("reporter"), "reporter", units: ["甲县/交通运输局"]);
        await TestUsers.AddAsync(ledger.Database, Name("viewer"), "viewer", jurisdictions: ["甲县"]);
        await TestUsers.AddAsync(ledger.Database, "target-user", "viewer");
        foreach (var role in Roles)
        {
            ledger.Tokens[role] = await TestUsers.TokenAsync(ledger.Database, Name(role));
        }

        // A report with evidence on each item a case aims at, by an administrator, so evidence can be uploaded to and downloaded.
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddPolicyLedger(ledger.Database, TimeProvider.System);
        await using var provider2 = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(provider2);
        var reports = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ReportService>(scope.ServiceProvider);
        foreach (var key in new[] { ItemKey(DocA, 1), ItemKey(DocA, 2), ItemKey(DocC, 1), ItemKey(DocB, 1) })
        {
            var result = await reports.AddAsync(Actor.LocalAdmin("fixture"), new ReportInput(key, ReportingPeriod.Parse(Period), 10, false, null, "开始", [new EvidenceFile($"佐证-{key[^1]}.txt", System.Text.Encoding.UTF8.GetBytes("佐证 " + key))], null));
            Assert.True(result.Outcome == ReportOutcome.Added, $"{key}: {result.Outcome} {result.Reason}");
        }

        return ledger;
    }

    public static string ItemKey(string document, int number) => $"{document}#{number}";

    /// <summary>The item a case aims at for a role: own (in its scope) or other (outside it).</summary>
    public static string TargetItem(string role, bool own) => role == "reporter"
        ? (own ? ItemKey(DocA, 1) : ItemKey(DocC, 1))
        : (own ? ItemKey(DocA, 1) : ItemKey(DocB, 1));

    public static string TargetDocument(string role, bool own) => TargetItem(role, own).Split('#')[0];

    public static string TargetUnit(string role, bool own) => role == "reporter"
        ? (own ? "甲县/交通运输局" : "甲县/人力资源社会保障局")
        : (own ? "甲县/交通运输局" : "乙县/住房城乡建设局");

    /// <summary>The id of the evidence file stored with the fixture's report on an item.</summary>
    public async Task<long> EvidenceIdAsync(string itemKey)
    {
        await using var db = Database.CreateContext();
        var (document, id) = (itemKey.Split('#')[0], itemKey.Split('#')[1]);
        var doc = await db.Documents.AsNoTracking().SingleAsync(d => d.IsCurrent && d.Key == document);
        var report = await db.ProgressReports.AsNoTracking().Include(r => r.Evidence).FirstAsync(r => r.SourceId == doc.SourceId && r.DocumentPosition == doc.Position && r.ItemKey == id);
        return report.Evidence.First().Id;
    }

    public void Dispose() => Db.Dispose();
}
