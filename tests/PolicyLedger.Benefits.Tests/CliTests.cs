using System.Text.Json;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Tests;

/// <summary>The commands end to end: benefits (JSON contract and table), rules check (stale quotes, the ledger), rules draft.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("benefits-cli-").FullName;

    private static string Rules => Support.RuleFiles.Folder();

    private static readonly string[] Seeds = ["000_9d4e57dbb9f33d71.txt", "001_a1185b48fffa7541.txt", "003_0d2851ec049d1a5f.txt", "004_e671b60dfd04a703.txt"];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private LedgerDatabase NoLedger => LedgerDatabase.Sqlite(Path.Combine(_dir, "none.db"));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string S12 = """
        profile:
          kind: household
          place: {province: 河南省, city: 焦作市, district: 温县}
        events:
          - {id: e1, date: 2023-02-10, type: car_purchase, new: true, price: 32800, purchase_place: 焦作市温县}
          - {id: e2, date: 2023-02-18, type: home_purchase, property: 新建商品住房, area_m2: 100.0, price: 600000, location: 温县县城 (温泉街道), online_contract_网签: 2023-02-18}
          - {id: e3, date: 2023-02-25, type: deed_tax_paid, for: e2, amount: 6000, paid_in_full: true}
        as_of: 2023-04-30
        """;

    private async Task<(int Code, string Output, string Errors)> Benefits(string scenario, string format = "json", string? asOf = null, IReadOnlyList<string>? documents = null, string? id = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await BenefitsCommand.RunAsync(NoLedger, false, scenario, asOf, format, Rules, documents ?? [], id, output, errors);
        Assert.False(File.Exists(Path.Combine(_dir, "none.db")), "benefits must not create a ledger");
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Json_follows_the_contract()
    {
        var (code, output, errors) = await Benefits(Write("s12.yaml", S12));
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2023-04-30", root.GetProperty("asOf").GetString());
        var entitled = Assert.Single(root.GetProperty("entitled").EnumerateArray());
        foreach (var key in new[] { "document", "item", "event", "benefit", "amount", "amountKind", "payer", "arithmetic", "clause" })
        {
            Assert.True(entitled.TryGetProperty(key, out _), key);
        }

        Assert.Equal("焦政〔2023〕1号", entitled.GetProperty("document").GetString());
        Assert.Equal(1, entitled.GetProperty("item").GetInt32());
        Assert.Equal("e1", entitled.GetProperty("event").GetString());
        Assert.Equal(1640m, entitled.GetProperty("amount").GetDecimal());
        Assert.Equal("exact", entitled.GetProperty("amountKind").GetString());
        Assert.Contains("820", entitled.GetProperty("payer").GetString());
        Assert.Equal("32800 × 5% = 1640；1640 ≤ 10000，未超过每台上限；省级财政820 + 焦作市财政820", entitled.GetProperty("arithmetic").GetString());
        Assert.StartsWith("对新购汽车按购车价格的5%", entitled.GetProperty("clause").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, entitled.GetProperty("clause").GetProperty("span").ValueKind);
        var miss = Assert.Single(root.GetProperty("notEntitled").EnumerateArray());
        Assert.Equal(3, miss.GetProperty("item").GetInt32());
        Assert.Contains("wrong_place", Assert.Single(miss.GetProperty("reasons").EnumerateArray()).GetString());
        Assert.Empty(root.GetProperty("excluded").EnumerateArray());
        Assert.Equal(1640m, root.GetProperty("total").GetDecimal());
    }

    [SkippableFact]
    public async Task With_the_documents_given_the_clause_span_points_at_the_quote()
    {
        SharedData.Require();
        var seed = SharedData.Path("seeds", Seeds[1]);
        var (code, output, _) = await Benefits(Write("s12.yaml", S12), documents: [seed]);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var span = json.RootElement.GetProperty("entitled")[0].GetProperty("clause").GetProperty("span");
        var text = File.ReadAllText(seed).Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32());
        Assert.StartsWith("对新购汽车按购车价格的", text);
        Assert.EndsWith("延续至2023年3月底。", text);
    }

    [Fact]
    public async Task Excluded_entitlements_name_the_one_that_won()
    {
        var scenario = Write("m02.yaml", """
            profile: {kind: enterprise, place: {city: 三门峡市, district: 湖滨区}, size: 小型, titles: [专精特新]}
            events:
              - {id: p1, date: 2022-11-01, type: project_completed, project: 技术改造, equipment: 4000000}
            as_of: 2022-12-31
            """);
        var (_, output, _) = await Benefits(scenario);
        using var json = JsonDocument.Parse(output);
        var excluded = Assert.Single(json.RootElement.GetProperty("excluded").EnumerateArray());
        Assert.Equal("（二十）", excluded.GetProperty("item").GetString());
        Assert.Equal("（二十三）", excluded.GetProperty("by").GetProperty("item").GetString());
        Assert.Equal("三政办〔2022〕16号", excluded.GetProperty("by").GetProperty("document").GetString());
        Assert.Contains("从高不重复", excluded.GetProperty("why").GetString());
    }

    [Fact]
    public async Task The_table_is_in_Chinese()
    {
        var (code, output, _) = await Benefits(Write("s12.yaml", S12), format: "table");
        Assert.Equal(0, code);
        foreach (var text in new[] { "评估日 2023-04-30", "可以享受（1 项）", "文件", "条目", "金额（元）", "出资方", "依据条文", "1640", "差一点享受", "地点不符", "合计" })
        {
            Assert.Contains(text, output);
        }
    }

    [SkippableFact]
    public async Task A_file_of_several_scenarios_gives_an_array_or_the_one_asked_for()
    {
        SharedData.Require();
        var gold = SharedData.Path("gold", "benefits_examples.yaml");
        var (code, output, _) = await Benefits(gold);
        Assert.Equal(0, code);
        using (var all = JsonDocument.Parse(output))
        {
            Assert.Equal(6, all.RootElement.GetArrayLength());
        }

        (code, output, _) = await Benefits(gold, id: "S14");
        using var one = JsonDocument.Parse(output);
        Assert.Equal(200000m, one.RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task The_as_of_option_overrides_the_file()
    {
        var (_, output, errors) = await Benefits(Write("s12.yaml", S12), asOf: "2023-02-15");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2023-02-15", json.RootElement.GetProperty("asOf").GetString());
        Assert.Equal(1640m, json.RootElement.GetProperty("total").GetDecimal());
        Assert.Contains("晚于评估日", errors);
    }

    [Theory]
    [InlineData("  - {id: e9, date: 2023-02-10, type: spaceship_purchase, price: 1}", "PL604", "events[3].type")]
    [InlineData("  - {id: e9, date: 2023-13-10, type: car_purchase, price: 1}", "PL605", "events[3].date")]
    [InlineData("  - {id: e9, date: 2023-02-10, type: car_purchase, price: -1}", "PL606", "events[3].price")]
    public async Task A_bad_scenario_file_is_refused_naming_the_field(string badEvent, string code, string path)
    {
        var file = Write("bad.yaml", S12.Replace("as_of:", badEvent + "\nas_of:", StringComparison.Ordinal));
        var (exit, output, errors) = await Benefits(file);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"bad.yaml:8:", errors);
        Assert.Contains(code, errors);
        Assert.Contains(path, errors);
    }

    [Fact]
    public async Task A_bad_date_option_is_refused()
    {
        var (exit, _, errors) = await Benefits(Write("s12.yaml", S12), asOf: "2023/04/30");
        Assert.Equal(2, exit);
        Assert.Contains("不是日期", errors);
    }

    [SkippableFact]
    public async Task Rules_check_passes_on_the_seeds_and_reports_a_stale_quote_with_file_and_line()
    {
        SharedData.Require();
        var seeds = Seeds.Select(s => SharedData.Path("seeds", s)).ToList();
        var output = new StringWriter();
        Assert.Equal(0, await RulesCommand.CheckAsync(NoLedger, false, Rules, seeds, output, new StringWriter()));
        Assert.Contains("0 个错误", output.ToString());
        Assert.Contains("0 条过时", output.ToString());

        var changed = Write("000.txt", File.ReadAllText(seeds[0]).Replace("5%给予消费者补贴", "3%给予消费者补贴", StringComparison.Ordinal));
        output = new StringWriter();
        Assert.Equal(1, await RulesCommand.CheckAsync(NoLedger, false, Rules, [changed, .. seeds.Skip(1)], output, new StringWriter()));
        var stale = output.ToString().Split('\n').Single(l => l.Contains("PL801", StringComparison.Ordinal));
        Assert.Matches(@"济管〔2023〕19号\.yaml:\d+:\d+: 错误 PL801 rules\.购车补贴", stale);
        Assert.Contains("1 条过时", output.ToString());
    }

    [SkippableFact]
    public async Task Rules_check_reads_the_quotes_from_the_ledger_and_draft_reads_a_stored_document()
    {
        SharedData.Require();
        var database = LedgerDatabase.Sqlite(Path.Combine(_dir, "ledger.db"));
        Assert.Equal(0, await ImportCommand.RunAsync(database, Seeds.Select(s => SharedData.Path("seeds", s)).ToList(), null, new StringWriter(), new StringWriter()));
        var output = new StringWriter();
        Assert.Equal(0, await RulesCommand.CheckAsync(database, true, Rules, [], output, new StringWriter()));
        Assert.Contains("0 条未核对", output.ToString());

        output = new StringWriter();
        Assert.Equal(0, await RulesCommand.DraftAsync(database, "焦政〔2023〕1号", null, output, new StringWriter()));
        Assert.Contains("cite: \"焦政〔2023〕1号\"", output.ToString());
        Assert.Contains("value: TODO * 5%", output.ToString());
    }

    [SkippableFact]
    public async Task Rules_draft_proposes_skeletons_from_a_file_as_yaml()
    {
        SharedData.Require();
        var output = new StringWriter();
        Assert.Equal(0, await RulesCommand.DraftAsync(NoLedger, SharedData.Path("seeds", Seeds[0]), null, output, new StringWriter()));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output.ToString()));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var rules = (YamlSequenceNode)root["rules"];
        Assert.True(rules.Children.Count >= 15, $"{rules.Children.Count} drafts");
        var first = (YamlMappingNode)rules.Children[0];
        Assert.Equal("1", ((YamlScalarNode)first["item"]).Value);
        Assert.Contains("5%", ((YamlScalarNode)((YamlMappingNode)first["amount"])["value"]).Value);
        Assert.Equal("10000", ((YamlScalarNode)((YamlMappingNode)first["amount"])["cap"]).Value);
        Assert.Equal("2023-01-01", ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)first["window"]).Children[0])["from"]).Value);
        var homes = rules.Children.Cast<YamlMappingNode>().Single(r => ((YamlScalarNode)r["item"]).Value == "21");
        Assert.Equal(3, ((YamlSequenceNode)((YamlMappingNode)homes["amount"])["tiers"]).Children.Count);
        Assert.False(File.Exists(Path.Combine(_dir, "none.db")));
    }

    [Fact]
    public async Task Rules_draft_of_an_unknown_document_says_so()
    {
        var errors = new StringWriter();
        Assert.Equal(2, await RulesCommand.DraftAsync(NoLedger, "没有这个文件〔2099〕1号", null, new StringWriter(), errors));
        Assert.Contains("没有文件", errors.ToString());
    }
}
