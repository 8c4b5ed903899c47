using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Units;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Ledger;

/// <summary>
/// The ledger's storage, run against each provider: SQLite (a real file in a temp folder) and PostgreSQL (a real
/// server: <c>scripts/start-postgres.sh</c> exports POLICYLEDGER_TEST_PG; without it those tests are skipped).
/// </summary>
public abstract class LedgerStorageTests : IDisposable
{
    protected LedgerStorageTests()
    {
        Folder = Directory.CreateTempSubdirectory("policyledger-test-").FullName;
    }

    protected string Folder { get; }

    /// <summary>Skips the test, saying why, when the provider's server is absent.</summary>
    protected abstract void RequireServer();

    protected abstract LedgerDatabase Database { get; }

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private LedgerImporter Importer(IUnitResolution? units = null, ImportOptions? options = null) =>
        new(Database, LedgerTestFiles.Read, units ?? new MentionUnitResolution(), _time, options);

    private string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(int Documents, int Items, int Responsibilities, int Units, int Quantities, int Times)> CountsAsync()
    {
        await using var c = Database.CreateContext();
        return (await c.Documents.CountAsync(), await c.Items.CountAsync(), await c.Responsibilities.CountAsync(), await c.Units.CountAsync(), await c.Quantities.CountAsync(), await c.Times.CountAsync());
    }

    [SkippableFact]
    public async Task Import_stores_documents_items_units_roles_quantities_and_times()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("济管〔2023〕19号", 3));

        var summary = await Importer().ImportAsync([a]);

        Assert.Equal(ImportOutcome.Imported, Assert.Single(summary.Files).Outcome);
        Assert.Equal((1, 3, 12, 4, 3, 3), await CountsAsync());
        await using var c = Database.CreateContext();
        var document = await c.Documents.Include(d => d.Headings).SingleAsync();
        Assert.Equal(("济管〔2023〕19号", "济源示范区", 1, true, 3), (document.DocNumber, document.Jurisdiction, document.Version, document.IsCurrent, document.ItemCount));
        Assert.Equal("一、总则", Assert.Single(document.Headings).Label);
        var quantity = await c.Quantities.OrderBy(q => q.Id).FirstAsync();
        Assert.Equal((1000m, "元", "Max"), (quantity.Value, quantity.Unit, quantity.Bound));
        Assert.Equal(new DateOnly(2023, 12, 31), (await c.Times.FirstAsync()).End);
        var log = await c.ImportLog.SingleAsync();
        Assert.Equal((ImportOutcome.Imported, 1, 3), (log.Outcome, log.Documents, log.Items));
    }

    [SkippableFact]
    public async Task Documents_keep_their_key_and_each_version_its_text_across_versions_and_databases()
    {
        RequireServer();
        var content = LedgerTestFiles.Document("闽政〔2024〕3号", 2);
        var a = Write("a.txt", content);
        await Importer().ImportAsync([a]);
        Write("a.txt", content + "\nITEM 3|新增任务|R=县财政局");
        await Importer().ImportAsync([a]);

        await using (var c = Database.CreateContext())
        {
            var documents = await c.Documents.OrderBy(d => d.Version).ToListAsync();
            Assert.Equal(["闽政〔2024〕3号", "闽政〔2024〕3号"], documents.Select(d => d.Key));
            var texts = await c.SourceTexts.OrderBy(t => t.Version).ToListAsync();
            Assert.Equal([1, 2], texts.Select(t => t.Version));
            Assert.Equal(File.ReadAllText(a), texts[1].Text);
            Assert.DoesNotContain("新增任务", texts[0].Text, StringComparison.Ordinal);

            var rows = await LedgerQueries.RowsAsync(c, new LedgerFilter());
            Assert.Equal(["闽政〔2024〕3号#1", "闽政〔2024〕3号#2", "闽政〔2024〕3号#3"], rows.Select(r => r.Key));

            // A ledger written before keys existed gets them when it is next opened.
            await c.Documents.ExecuteUpdateAsync(d => d.SetProperty(x => x.Key, string.Empty));
        }

        await using (var reopened = await Database.OpenAsync())
        {
            Assert.All(await reopened.Documents.ToListAsync(), d => Assert.Equal("闽政〔2024〕3号", d.Key));
        }
    }

    /// <summary>
    /// A document without 文号 or title is named by its file and place; when a later version of the file (or a later
    /// build of the reader) finds its title, the key stays, so the corrections anchored to it stay with it. A new file
    /// with that title is named by the title.
    /// </summary>
    [SkippableFact]
    public async Task A_document_named_by_its_file_keeps_that_key_when_a_new_version_reads_a_title()
    {
        RequireServer();
        const string Items = "一、措施\n1.对新认定的高新技术企业给予奖励。（责任单位：市科技局）\n2.对新纳入规模以上统计的工业企业给予奖励。（责任单位：市工信局）\n";
        LedgerImporter Reader() => new(Database, PolicyReader.Default, new MentionUnitResolution(), _time);
        var a = Write("措施.txt", "促进发展\n" + Items);
        await Reader().ImportAsync([a]);
        Write("措施.txt", "申州市促进发展若干措施\n" + Items);
        await Reader().ImportAsync([a]);
        var b = Write("另一份.txt", "申州市促进发展若干措施\n\n" + Items);
        await Reader().ImportAsync([b]);

        await using var c = Database.CreateContext();
        var documents = await c.Documents.Include(d => d.Source).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(
            [("措施.txt", 1, null, "措施.txt（第1件）"), ("措施.txt", 2, "申州市促进发展若干措施", "措施.txt（第1件）"), ("另一份.txt", 1, "申州市促进发展若干措施", "申州市促进发展若干措施")],
            documents.Select(d => (d.Source!.FileName, d.Version, d.Title, d.Key)));
    }

    [SkippableFact]
    public async Task The_same_file_twice_changes_nothing()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("济管〔2023〕19号", 4));
        await Importer().ImportAsync([a]);
        var before = await CountsAsync();

        var again = await Importer().ImportAsync([a, a]);

        Assert.Equal(ImportOutcome.Unchanged, Assert.Single(again.Files).Outcome);
        Assert.Equal(before, await CountsAsync());
    }

    [SkippableFact]
    public async Task A_changed_file_becomes_a_new_version_and_the_old_one_stays_readable()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("济管〔2023〕19号", 2));
        await Importer().ImportAsync([a]);
        File.WriteAllText(a, LedgerTestFiles.Document("济管〔2023〕19号", 3, extra: "（修订）"));

        var summary = await Importer().ImportAsync([a]);

        var result = Assert.Single(summary.Files);
        Assert.Equal((ImportOutcome.NewVersion, (int?)2), (result.Outcome, result.Version));
        await using var c = Database.CreateContext();
        var versions = await c.Documents.OrderBy(d => d.Version).Select(d => new { d.Version, d.IsCurrent, Items = d.Items.Count }).ToListAsync();
        Assert.Equal([(1, false, 2), (2, true, 3)], versions.Select(v => (v.Version, v.IsCurrent, v.Items)));
        Assert.Equal(2, (await c.Sources.SingleAsync()).CurrentVersion);
        var rows = await LedgerQueries.RowsAsync(c, new LedgerFilter());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.EndsWith("（修订）", r.Text, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task One_bad_file_does_not_stop_the_others()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("甲〔2023〕1号", 2));
        var bad = Write("b.txt", "ERROR the file is not text");
        var c1 = Write("c.txt", LedgerTestFiles.Document("丙〔2023〕3号", 2));
        var missing = Path.Combine(Folder, "missing.txt");

        var summary = await Importer().ImportAsync([a, bad, missing, c1]);

        Assert.Equal(
            [ImportOutcome.Imported, ImportOutcome.Failed, ImportOutcome.Failed, ImportOutcome.Imported],
            summary.Files.Select(f => f.Outcome));
        Assert.Contains("not text", summary.Files[1].Message, StringComparison.Ordinal);
        Assert.Contains("文件不存在", summary.Files[2].Message, StringComparison.Ordinal);
        Assert.Equal(2, (await CountsAsync()).Documents);
        await using var c = Database.CreateContext();
        Assert.Equal(2, await c.ImportLog.CountAsync(l => l.Outcome == ImportOutcome.Failed));
    }

    [SkippableFact]
    public async Task Small_batches_store_the_same_as_one()
    {
        RequireServer();
        var files = Enumerable.Range(1, 7).Select(i => Write($"{i}.txt", LedgerTestFiles.Document($"甲〔2023〕{i}号", i))).ToList();

        var summary = await Importer(options: new ImportOptions { BatchFiles = 2, ReadParallelism = 2 }).ImportAsync(files);

        Assert.Equal(7, summary.Count(ImportOutcome.Imported));
        Assert.Equal((7, 28, 112, 4, 28, 28), await CountsAsync());
    }

    [SkippableFact]
    public async Task Units_report_mentions_and_role_counts()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("济管〔2023〕19号", 3));
        await Importer().ImportAsync([a]);

        await using var c = Database.CreateContext();
        var units = await LedgerQueries.UnitsAsync(c);

        var finance = Assert.Single(units, u => u.Unit == "示范区财政金融局");
        Assert.Equal((3, 0, 0, UnitKind.Department, "济源示范区"), (finance.Leads, finance.Responsible, finance.Cooperates, finance.Kind, finance.Jurisdiction));
        Assert.Equal(new UnitMention("济管〔2023〕19号", "1", "示范区财政金融局", LedgerRole.Lead, "济管〔2023〕19号#1"), finance.Mentions[0]);
        var towns = Assert.Single(units, u => u.Unit == "各镇人民政府");
        Assert.Equal((0, 0, 3, UnitKind.Collective), (towns.Leads, towns.Responsible, towns.Cooperates, towns.Kind));
    }

    [SkippableFact]
    public async Task A_mention_that_is_no_organisation_makes_no_unit_and_no_role()
    {
        RequireServer();
        var a = Write("a.txt", "DOC 某政〔2024〕3号|云岭县人民政府|通知\nITEM 1|改造公厕|L=县住建局|R=明确公厕选址,县财政局");

        await Importer(new ResolverUnitResolution()).ImportAsync([a]);

        await using var c = Database.CreateContext();
        Assert.Equal(["云岭县/住房城乡建设局", "云岭县/财政局"], (await c.Units.Select(u => u.Key).ToListAsync()).Order(StringComparer.Ordinal));
        var roles = await c.Responsibilities.OrderBy(r => r.Ordinal).Select(r => new { r.Mention, r.Ordinal }).ToListAsync();
        Assert.Equal([("县住建局", 0), ("县财政局", 2)], roles.Select(r => (r.Mention, r.Ordinal)));
    }

    [SkippableFact]
    public async Task A_document_is_resolved_as_a_whole_with_the_places_its_issuer_names()
    {
        RequireServer();
        var a = Write("a.txt", "DOC 某政〔2024〕4号|青川市北岸区人民政府|通知\nITEM 1|甲|L=区交通建设局|R=市财政局\nITEM 2|乙|L=交建局|R=青川市财政局");

        await Importer(new ResolverUnitResolution()).ImportAsync([a]);

        await using var c = Database.CreateContext();
        var units = await c.Responsibilities.OrderBy(r => r.Item!.Ordinal).ThenBy(r => r.Ordinal).Select(r => r.Unit!.Key).ToListAsync();
        Assert.Equal(["北岸区/交通建设局", "青川/财政局", "北岸区/交通建设局", "青川/财政局"], units);
        Assert.Equal("北岸区", (await c.Documents.SingleAsync()).Jurisdiction);
    }

    [SkippableFact]
    public async Task The_ledger_filters_by_unit_and_by_document()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("甲〔2023〕1号", 2));
        var b = Write("b.txt", "DOC 乙〔2023〕2号|焦作市人民政府|通知\nITEM 1|只有乙|R=市财政局");
        await Importer().ImportAsync([a, b]);

        await using var c = Database.CreateContext();
        Assert.Equal(3, (await LedgerQueries.RowsAsync(c, new LedgerFilter())).Count);
        var byUnit = Assert.Single(await LedgerQueries.RowsAsync(c, new LedgerFilter(Unit: "市财政局")));
        Assert.Equal(("乙〔2023〕2号", "只有乙", "市财政局"), (byUnit.Document, byUnit.Text, byUnit.Responsible.Single()));
        Assert.Equal(2, (await LedgerQueries.RowsAsync(c, new LedgerFilter(Document: "甲"))).Count);
        Assert.Empty(await LedgerQueries.RowsAsync(c, new LedgerFilter(Unit: "市财政局", Document: "甲")));
    }

    [SkippableFact]
    public async Task Implied_roles_governed_parts_and_item_diagnostics_are_stored_and_shown()
    {
        RequireServer();
        var a = Write("a.txt", "DOC 甲〔2024〕5号|某某县人民政府|通知\n"
            + "ITEM 1|简化审批流程。|R=县市场监管局|I=各乡镇人民政府|D=PL405:“明确公厕选址”不像单位名称\n"
            + "ITEM 2|加强人才培养。|L=县人社局|C=县教育局");

        // SQLite stores through prepared commands, PostgreSQL through EF Core (SqliteRowWriterTests compares the two).
        await Importer().ImportAsync([a]);

        await using var c = Database.CreateContext();
        var implied = await c.Responsibilities.SingleAsync(r => r.Implied);
        Assert.Equal(("各乡镇人民政府", LedgerRole.Responsible, "简化审批流程。"), (implied.Mention, implied.Role, implied.GovernsText));
        Assert.NotNull(implied.GovernsStart);
        var note = await c.ItemDiagnostics.SingleAsync();
        Assert.Equal(("PL405", "warning", 0), (note.Code, note.Severity, note.Ordinal));

        var rows = await LedgerQueries.RowsAsync(c, new LedgerFilter());
        Assert.Equal(["县市场监管局", "各乡镇人民政府"], rows[0].Responsible);
        Assert.Equal([false, true], rows[0].Roles.Select(r => r.Implied));
        Assert.Equal("PL405", Assert.Single(rows[0].Diagnostics).Code);
        Assert.Empty(rows[1].Diagnostics);
        Assert.Equal("加强人才培养。", rows[1].Roles[0].Governs);

        var json = new StringWriter();
        Assert.Equal(0, await PolicyLedger.Cli.Commands.LedgerCommand.RunAsync(Database, new LedgerFilter(), "json", json, TextWriter.Null));
        using var parsed = System.Text.Json.JsonDocument.Parse(json.ToString());
        var first = parsed.RootElement[0];
        var roles = first.GetProperty("roles").EnumerateArray().ToList();
        Assert.False(roles[0].TryGetProperty("implied", out _), $"implied is written only when true: {roles[0]}");
        Assert.True(roles[1].GetProperty("implied").GetBoolean());
        Assert.Equal("简化审批流程。", roles[1].GetProperty("governs").GetProperty("text").GetString());
        Assert.Equal("PL405", first.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Equal(0, parsed.RootElement[1].GetProperty("diagnostics").GetArrayLength());
    }

    [SkippableFact]
    public async Task A_changed_resolution_is_applied_on_reimport_of_an_unchanged_file()
    {
        RequireServer();
        var a = Write("a.txt", LedgerTestFiles.Document("济管〔2023〕19号", 2));
        await Importer().ImportAsync([a]);

        var summary = await Importer(new AliasedResolution("发展改革和统计局", "示范区发展改革和统计局")).ImportAsync([a]);

        Assert.Equal(ImportOutcome.UnitsUpdated, Assert.Single(summary.Files).Outcome);
        await using var c = Database.CreateContext();
        Assert.Equal(1, await c.Documents.CountAsync());
        var units = await LedgerQueries.UnitsAsync(c);
        var planning = Assert.Single(units, u => u.Unit == "示范区发展改革和统计局");
        Assert.Equal("发展改革和统计局", planning.Mentions[0].Mention);
        Assert.Equal(ImportOutcome.Unchanged, Assert.Single((await Importer(new AliasedResolution("发展改革和统计局", "示范区发展改革和统计局")).ImportAsync([a])).Files).Outcome);
    }

    /// <summary>
    /// A role keeps copies of its item's document, place, key and count of times (what a unit's 台账 and status read
    /// from the index on the unit), and an item its details (what a page reads): true after imports (two documents in a file, items with no, one and two times), a
    /// new version, a re-resolution of the units, and after the migration that added them fills a ledger stored before.
    /// </summary>
    [SkippableFact]
    public async Task Every_role_keeps_its_items_document_place_key_and_count_of_times_and_every_item_its_details()
    {
        RequireServer();
        string File(string extra) => string.Join('\n',
            "DOC 甲〔2024〕1号|某市人民政府|关于甲的通知" + extra,
            "ITEM 1|没有时限的任务|L=市财政局|R=市税务局",
            "ITEM 2|一个时限的任务|L=市税务局|R=市财政局,市税务局|T=2024-06-30",
            "ITEM 3|两个时限的任务|R=市财政局|C=各县人民政府|T=2024-03-31|T=2024-12-31",
            "DOC 甲〔2024〕2号|某市人民政府|关于乙的通知" + extra,
            "ITEM 一|第二份文件的任务|L=市财政局|T=2025-01-31|T=2025-02-28|T=2025-03-31");
        var a = Write("a.txt", File(string.Empty));
        var b = Write("b.txt", LedgerTestFiles.Document("济管〔2023〕19号", 3));
        await Importer().ImportAsync([a, b]);
        Write("a.txt", File("（修订）"));
        await Importer().ImportAsync([a]);
        Assert.Equal(ImportOutcome.UnitsUpdated, Assert.Single((await Importer(new AliasedResolution("发展改革和统计局", "示范区发展改革和统计局")).ImportAsync([b])).Files).Outcome);

        await AssertCopiesAsync();

        // Back to the migration before, which drops the copies (and the details after it), then forward again: the
        // migrations fill them.
        await using (var c = Database.CreateContext())
        {
            var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(c);
            var all = c.Database.GetMigrations().ToList();
            var adding = all.FindIndex(m => m.EndsWith("_ResponsibilitiesCopyTheirItems", StringComparison.Ordinal));
            Assert.True(adding > 0, "the migration that adds the copies");
            await migrator.MigrateAsync(all[adding - 1]);
            Assert.DoesNotContain("ItemTimeCount", await ColumnsAsync(c));
            Assert.DoesNotContain("Details", await ColumnsAsync(c, "items"));
            await migrator.MigrateAsync();
        }

        await AssertCopiesAsync();
    }

    private async Task AssertCopiesAsync()
    {
        await using var c = Database.CreateContext();
        var roles = await c.Responsibilities
            .Select(r => new
            {
                Copies = new { r.DocumentId, r.ItemOrdinal, r.ItemKey, r.ItemTimeCount },
                Item = new { r.Item!.DocumentId, ItemOrdinal = r.Item.Ordinal, ItemKey = r.Item.Key, ItemTimeCount = r.Item.Times.Count },
            })
            .ToListAsync();
        Assert.All(roles, r => Assert.Equal(r.Item.ToString(), r.Copies.ToString()));
        Assert.Equal([0, 1, 2, 3], roles.Select(r => r.Copies.ItemTimeCount).Distinct().Order());
        Assert.Equal(5, roles.Select(r => r.Copies.DocumentId).Distinct().Count()); // two versions of two documents, and b's

        // Each item's details (what a page reads) say what its rows say: lead and responsible roles in order with their
        // units, figures and times.
        var items = await c.Items.Include(i => i.Responsibilities).ThenInclude(r => r.Unit).Include(i => i.Quantities).Include(i => i.Times).ToListAsync();
        Assert.Equal(2 * 4 + 3, items.Count); // two versions of a (four items), b
        foreach (var item in items)
        {
            Assert.NotNull(item.Details);
            var (detailRoles, quantities, times) = ItemDetails.Read(item.Details, []);
            Assert.Equal(
                item.Responsibilities.Where(r => r.Role != LedgerRole.Cooperating).OrderBy(r => r.Ordinal)
                    .Select(r => $"{r.Role} {r.Mention} {r.UnitId} {r.Unit!.Key} {r.Unit.Name} {r.Unit.Jurisdiction} {r.Unit.Kind}"),
                detailRoles.Select(r => $"{r.Role} {r.Mention} {r.Unit!.Id} {r.Unit.Key} {r.Unit.Name} {r.Unit.Jurisdiction} {r.Unit.Kind}"));
            Assert.Equal(
                item.Quantities.OrderBy(q => q.Ordinal).Select(q => $"{q.Text} {q.Kind} {q.Value} {q.Unit} {q.Per} {q.Bound} {q.High}"),
                quantities.Select(q => $"{q.Text} {q.Kind} {q.Value} {q.Unit} {q.Per} {q.Bound} {q.High}"));
            Assert.Equal(
                item.Times.OrderBy(t => t.Ordinal).Select(t => $"{t.Text} {t.Start} {t.End} {t.Recurrence}"),
                times.Select(t => $"{t.Text} {t.Start} {t.End} {t.Recurrence}"));
        }

        Assert.Contains(items, i => i.Responsibilities.Count(r => r.Role != LedgerRole.Cooperating) >= 3);
        Assert.Contains(items, i => i.Times.Count == 3);
    }

    private static async Task<List<string>> ColumnsAsync(LedgerContext c, string table = "responsibilities")
    {
        var connection = c.Database.GetDbConnection();
        await c.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = c is PostgresLedgerContext
                ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'"
                : $"SELECT name FROM pragma_table_info('{table}')";
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        finally
        {
            await c.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Atomic per document: a process killed while a batch's transaction is open leaves none of that batch's
    /// documents, and what was committed before stays whole. Runs the real CLI and kills it.
    /// </summary>
    [SkippableFact]
    public async Task A_killed_import_leaves_no_partial_document()
    {
        RequireServer();
        var samples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples"), "*.txt");
        var first = Directory.CreateDirectory(Path.Combine(Folder, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(Folder, "second")).FullName;
        for (var i = 0; i < 3; i++)
        {
            foreach (var sample in samples)
            {
                var text = File.ReadAllText(sample);
                File.WriteAllText(Path.Combine(first, $"{i}-{Path.GetFileName(sample)}"), text + $"\n（第{i}份）\n");
                File.WriteAllText(Path.Combine(second, $"{i}-{Path.GetFileName(sample)}"), text + $"\n（第{i}份乙）\n");
            }
        }

        Assert.Equal(0, await RunCliAsync(["import", first], pauseBeforeCommit: false));
        var before = await CountsAsync();
        Assert.True(before.Documents >= 6);

        Assert.Equal(-1, await RunCliAsync(["import", second], pauseBeforeCommit: true));

        Assert.Equal(before, await CountsAsync());
        await using (var c = Database.CreateContext())
        {
            Assert.False(await c.Sources.AnyAsync(s => s.Path.StartsWith(second)));
            var broken = await c.Documents.Where(d => d.ItemCount != d.Items.Count).CountAsync();
            Assert.Equal(0, broken);
        }

        Assert.Equal(0, await RunCliAsync(["import", second], pauseBeforeCommit: false));
        Assert.Equal(before.Documents * 2, (await CountsAsync()).Documents);
    }

    /// <returns>The exit code, or -1 when the process was killed while it held a transaction.</returns>
    private async Task<int> RunCliAsync(string[] arguments, bool pauseBeforeCommit)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policyledger.dll"));
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(Database.Provider == LedgerProvider.Sqlite ? Database.Display : Database.ConnectionString);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POLICYLEDGER_IMPORT_PAUSE_BEFORE_COMMIT_MS"] = pauseBeforeCommit ? "600000" : "0";
        using var process = Process.Start(start)!;
        var holding = new TaskCompletionSource();
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.AppendLine(e.Data);
            }

            if (e.Data.Contains("holding a transaction", StringComparison.Ordinal))
            {
                holding.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        if (pauseBeforeCommit)
        {
            var exited = process.WaitForExitAsync(timeout.Token);
            var first = await Task.WhenAny(holding.Task, exited);
            Assert.True(first == holding.Task, $"the import ended before it held a transaction: {errors}");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
            return -1;
        }

        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"policyledger {string.Join(' ', arguments)} exited {process.ExitCode}: {errors}");
        return process.ExitCode;
    }

    public virtual void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The mention resolution with one alias, as a user's alias file would give.</summary>
    private sealed class AliasedResolution(string mention, string unit) : IUnitResolution
    {
        private readonly MentionUnitResolution _inner = new();

        public string Fingerprint => $"alias:{mention}={unit}";

        public string JurisdictionOf(PolicyLedger.Reading.Syntax.PolicyDocument document) => _inner.JurisdictionOf(document);

        public IReadOnlyList<ResolvedUnit> ResolveClause(string jurisdiction, IReadOnlyList<string> mentionsInOrder) =>
            _inner.ResolveClause(jurisdiction, mentionsInOrder.Select(m => m == mention ? unit : m).ToList());
    }
}

public sealed class SqliteLedgerStorageTests : LedgerStorageTests
{
    public SqliteLedgerStorageTests()
    {
        Database = LedgerDatabase.Sqlite(Path.Combine(Folder, "ledger.db"));
    }

    protected override LedgerDatabase Database { get; }

    protected override void RequireServer()
    {
    }

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        base.Dispose();
    }
}

public sealed class PostgresLedgerStorageTests : LedgerStorageTests
{
    public const string Variable = "POLICYLEDGER_TEST_PG";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);

    public PostgresLedgerStorageTests()
    {
        if (!string.IsNullOrWhiteSpace(_server))
        {
            var builder = new NpgsqlConnectionStringBuilder(_server) { Database = $"pl_test_{Guid.NewGuid():N}" };
            Database = LedgerDatabase.Postgres(builder.ConnectionString);
        }
        else
        {
            Database = LedgerDatabase.Sqlite(Path.Combine(Folder, "unused.db"));
        }
    }

    protected override LedgerDatabase Database { get; }

    /// <summary>Skips without a server, except in CI (CI=true), where the PostgreSQL tests must run: there they fail.</summary>
    protected override void RequireServer()
    {
        const string why = $"no PostgreSQL server: {Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; scripts/test.sh does)";
        if (string.IsNullOrWhiteSpace(_server))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the PostgreSQL storage tests must run: {why}");
            Skip.If(true, $"SKIPPED: {why}");
        }
    }

    public override void Dispose()
    {
        if (Database.Provider == LedgerProvider.Postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }

        base.Dispose();
    }
}
