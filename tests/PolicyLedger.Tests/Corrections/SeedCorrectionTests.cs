using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Corrections;

/// <summary>
/// The issue's scenario on seed 000, read by the real reader into a real ledger (SQLite and PostgreSQL): correct a few
/// items, import the same file again (nothing changes), import an edited copy (a new item inserted before item 20,
/// item 30 reworded, item 40 deleted, the items between renumbered): the corrections of unchanged and reworded
/// items still apply, the deleted item's is orphaned with its reason, none lands on another item. Then export the
/// corrections and import them into a fresh ledger of the same documents: the same ledger.
/// </summary>
public abstract partial class SeedCorrectionTests(TwoLedgers ledgers, ITestOutputHelper output) : IDisposable
{
    private string Folder => ledgers.Folder;

    private LedgerDatabase Database => ledgers.First;

    private LedgerDatabase Fresh => ledgers.Second;

    private void RequireServer() => ledgers.RequireServer();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 6, 2, 0, 0, TimeSpan.Zero));

    private readonly ResolverUnitResolution _units = new();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    private const string Inserted = "支持企业开展技术改造，对设备投资额1000万元以上的项目按投资额的5%给予奖励。（牵头单位：示范区工业和科技创新委员会，责任单位：示范区财政金融局）";

    /// <summary>The seed as edited: a new item 20 inserted, item 30 reworded, item 40 deleted; the items between renumbered.</summary>
    internal static string Edited(string text, IReadOnlyList<PolicyItem> items)
    {
        var s = new StringBuilder();
        var at = 0;
        foreach (var item in items)
        {
            s.Append(text, at, item.Span.Start - at);
            var original = text.Substring(item.Span.Start, item.Span.Length);
            at = item.Span.Start + item.Span.Length;
            var n = item.Number!.Value;
            if (n == 20)
            {
                s.Append("20.").Append(Inserted).Append('\n');
            }

            if (n == 40)
            {
                continue;
            }

            var number = n is >= 20 and < 40 ? n + 1 : n;
            var body = LeadingNumber().Replace(original, number.ToString(CultureInfo.InvariantCulture), 1);
            if (n == 30)
            {
                var dot = body.IndexOfAny(['.', '．']);
                body = body[..(dot + 1)] + "进一步" + body[(dot + 1)..];
            }

            s.Append(body);
        }

        s.Append(text, at, text.Length - at);
        return s.ToString();
    }

    private async Task ImportAsync(LedgerDatabase database, string path)
    {
        var summary = await new LedgerImporter(database, PolicyReader.Default, _units, _clock).ImportAsync([path]);
        Assert.Equal(0, summary.Failed);
        await using var db = await database.OpenAsync();
        await new CorrectionService(db, _clock, _units).ReapplyAsync(Actor.LocalAdmin("导入"));
    }

    private static async Task<string> LedgerJsonAsync(LedgerDatabase database)
    {
        var json = new StringWriter();
        Assert.Equal(0, await LedgerCommand.RunAsync(database, new LedgerFilter(), "json", json, TextWriter.Null));
        var units = new StringWriter();
        Assert.Equal(0, await UnitsCommand.RunAsync(database, null, "json", units, TextWriter.Null));
        return json + "\n" + units;
    }

    [SkippableFact]
    public async Task Corrections_of_seed_000_survive_a_reimport_and_an_edited_version_and_an_exchange()
    {
        SharedData.Require();
        RequireServer();
        var seed = File.ReadAllText(SharedData.Path("seeds", "000_9d4e57dbb9f33d71.txt"));
        var path = Path.Combine(Folder, "济管2023-19.txt");
        File.WriteAllText(path, seed);
        var read = PolicyReader.Default.ReadFile(path).Documents[0];
        Assert.Equal(100, read.Items.Count);
        await ImportAsync(Database, path);
        const string doc = "济管〔2023〕19号";

        // Eight corrections by two reviewers: before the insertion, between it and the deletion, the reworded item,
        // the deleted item, and after the deletion (where the numbers are the old ones again).
        (string Item, ChangeRequest Change)[] corrections =
        [
            ("3", new(CorrectionKind.SetRole, LedgerRole.Lead, "示范区发展改革和统计局（商务局）、示范区财政金融局")),
            ("25", new(CorrectionKind.SetDeadline, Value: "2023-06-30")),
            ("30", new(CorrectionKind.SetRole, LedgerRole.Responsible, "示范区住房和城乡建设局、示范区国有资产监督管理局")),
            ("40", new(CorrectionKind.SetRole, LedgerRole.Cooperating, "各镇人民政府、各街道办事处")),
            ("60", new(CorrectionKind.SetTarget, Value: "2000家")),
            ("70", new(CorrectionKind.MergeNext)),
            ("80", new(CorrectionKind.NotAnItem)),
            ("90", new(CorrectionKind.AddUnit, LedgerRole.Cooperating, "示范区医疗保障局")),
        ];
        await using (var db = await Database.OpenAsync())
        {
            foreach (var (item, change) in corrections)
            {
                var result = await new CorrectionService(db, _clock, _units).CorrectAsync(Actor.LocalAdmin(item == "40" ? "李四" : "张三"), new CorrectionInput($"{doc}#{item}", [change], "核对原文"));
                Assert.True(result.Ok, $"#{item}: {string.Join("; ", result.Problems)}");
            }
        }

        var corrected = await LedgerJsonAsync(Database);

        // The same file again: nothing changes.
        await ImportAsync(Database, path);
        Assert.Equal(corrected, await LedgerJsonAsync(Database));

        // The edited copy, as a new version of the file.
        File.WriteAllText(path, Edited(seed, read.Items));
        await ImportAsync(Database, path);

        IReadOnlyList<CorrectionRow> list;
        IReadOnlyList<LedgerRow> rows;
        IReadOnlyList<RemovedItem> removed;
        await using (var db = await Database.OpenAsync())
        {
            list = (await new CorrectionService(db, _clock, _units).ListAsync(Actor.LocalAdmin("张三"))).Rows;
            rows = await LedgerQueries.RowsAsync(db, new LedgerFilter());
            removed = (await EffectiveItems.LoadAsync(db)).Removed;
        }

        // Where each correction should be now (null: its item was deleted), and the text it must find there.
        // (The corrections are listed in the order they were made, the order of the array above.)
        string?[] expected = ["3", "26", "31", null, "60", "70", "80", "90"];
        Assert.Equal(corrections.Length, list.Count);
        var applied = list.Where(r => r.State == CorrectionState.Applied).ToList();
        var orphaned = list.Where(r => r.State == CorrectionState.Orphaned).ToList();
        var misapplied = list.Where((r, i) => r.State == CorrectionState.Applied && r.AppliedTo != $"{doc}#{expected[i]}").ToList();
        output.WriteLine($"seed 000 edited copy: {applied.Count} applied, {orphaned.Count} orphaned, {misapplied.Count} misapplied");
        foreach (var r in list)
        {
            output.WriteLine($"  {r.Item} {r.Field}: {r.State} {r.AppliedTo} {r.How} {r.Problem}");
        }

        Assert.Empty(misapplied);
        Assert.Equal((7, 1), (applied.Count, orphaned.Count));
        var gone = Assert.Single(orphaned);
        Assert.Equal(($"{doc}#40", CorrectionCodes.ItemGone), (gone.Item, gone.Problem?.Code));
        Assert.Contains("第 40 项已不在文件中", gone.Problem!.Message, StringComparison.Ordinal);

        // Each correction is on the item that carries its text now (the reworded one: with 进一步), and no other item is corrected.
        string TextOf(int number) => read.Items.Single(i => i.Number == number).Text;
        LedgerRow Row(string id) => rows.Single(r => r.Item == id);
        Assert.Equal(["示范区发展改革和统计局（商务局）", "示范区财政金融局"], Row("3").Lead);
        Assert.Equal(TextOf(3), Row("3").Text);
        Assert.Equal((new DateOnly(2023, 6, 30), TextOf(25)), (Row("26").Deadline, Row("26").Text));
        Assert.Equal(["示范区住房和城乡建设局", "示范区国有资产监督管理局"], Row("31").Responsible);
        Assert.Equal("进一步" + TextOf(30), Row("31").Text);
        Assert.Equal("2000家", Row("60").Quantities[0]);
        Assert.Equal(TextOf(60), Row("60").Text[..TextOf(60).Length]);
        Assert.Equal(TextOf(70) + TextOf(71), Row("70").Text);
        Assert.DoesNotContain(rows, r => r.Item == "71");
        Assert.Equal(TextOf(80), Assert.Single(removed, r => r.Item.Id == "80").Item.Text);
        Assert.Contains("示范区医疗保障局", Row("90").Cooperating);
        Assert.Equal(["3", "26", "31", "60", "70", "90"], rows.Where(r => r.Corrected).Select(r => r.Item));
        Assert.Equal(100 + 1 - 1 - 1 - 1, rows.Count);
        Assert.Equal(Inserted, Row("20").Text);
        Assert.False(Row("20").Corrected);

        // The exchange: export, import into a fresh ledger holding the same documents, the same ledger; twice: no change.
        var file = Path.Combine(Folder, "校对.yaml");
        await using (var db = await Database.OpenAsync())
        await using (var writer = new StreamWriter(file))
        {
            await new CorrectionExchange(db, _clock, _units).ExportAsync(Actor.LocalAdmin("张三"), writer);
        }

        await ImportAsync(Fresh, path);
        for (var round = 0; round < 2; round++)
        {
            await using var db = await Fresh.OpenAsync();
            var result = await new CorrectionExchange(db, _clock, _units).ImportAsync(Actor.LocalAdmin("王五"), file);
            Assert.Empty(result.Problems);
            Assert.Equal(round == 0 ? (8, 0) : (0, 8), (result.Added, result.Unchanged));
        }

        Assert.Equal(await LedgerJsonAsync(Database), await LedgerJsonAsync(Fresh));
        output.WriteLine($"round trip through {new FileInfo(file).Length} bytes of YAML: identical ledger and units JSON");
    }

    public void Dispose()
    {
        ledgers.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSeedCorrectionTests(ITestOutputHelper output) : SeedCorrectionTests(TwoLedgers.Sqlite(), output);

public sealed class PostgresSeedCorrectionTests(ITestOutputHelper output) : SeedCorrectionTests(TwoLedgers.Postgres(), output);
