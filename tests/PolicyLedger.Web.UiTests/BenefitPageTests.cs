using System.Globalization;
using Microsoft.Playwright;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Json;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Tests.Support;
using PolicyLedger.Web.UiTests.Support;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Web.UiTests;

/// <summary>
/// 惠企: staff fill the form with a scenario's profile and events and see what the benefit finder's service computes
/// for the same scenario (computed here from <see cref="BenefitsService"/>, not written down): the same measures with
/// the same amounts, the same measures not granted with the same reasons, the same total; the cited items link to
/// their 事项 pages. Bad input is said in Chinese naming the field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BenefitPageTests(BrowserFixture browser)
{
    private static readonly DateOnly Today = new(2023, 6, 1);

    [SkippableFact]
    public async Task The_gold_scenarios_typed_into_the_form_give_what_the_service_gives_for_them()
    {
        browser.Require();
        SharedData.Require();
        await using var server = await LiveServer.StartAsync(Today);
        await server.ImportAsync(SharedData.Path("seeds", "000_9d4e57dbb9f33d71.txt"), SharedData.Path("seeds", "001_a1185b48fffa7541.txt"));
        await server.AddUserAsync("li", "viewer");

        var file = SharedData.Path("gold", "benefits_examples.yaml");
        var scenarios = new ScenarioReader().ReadFile(file);
        Assert.False(scenarios.HasErrors, string.Join("\n", scenarios.Diagnostics));
        var service = new BenefitsService(RuleSetLoader.Load(RuleSetLoader.Folder(null)));
        var nodes = GoldNodes(file);

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "li");
        await page.GetByRole(AriaRole.Link, new() { Name = "惠企", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/benefits", StringComparison.Ordinal));
        var entitledSeen = 0;
        var notEntitledSeen = 0;
        foreach (var scenario in scenarios.Scenarios)
        {
            var expected = service.Evaluate(scenario, null, Today);
            await page.GotoAsync("/benefits");
            await FillAsync(page, nodes[scenario.Id!]);
            await page.GetByRole(AriaRole.Button, new() { Name = "测算" }).ClickAsync();
            await page.Locator("#h-result").WaitForAsync();

            var rows = await RowsAsync(page, "table.entitled", "data-amount", "data-kind");
            var want = expected.Entitled.Select(e => $"{e.Document}|{e.Item}|{e.Amount?.ToString(CultureInfo.InvariantCulture)}|{BenefitResultJson.KindName(e.Kind)}").ToList();
            Assert.True(want.Order().SequenceEqual(rows.Order()), $"{scenario.Id}: page {string.Join("; ", rows)} / service {string.Join("; ", want)}");
            var reasons = await RowsAsync(page, "table.not-entitled", "data-reasons");
            var wantReasons = expected.NotEntitled.Select(n => $"{n.Document}|{n.Item}|{string.Join(" ", n.Reasons.Select(r => r.Code))}").ToList();
            Assert.True(wantReasons.Order().SequenceEqual(reasons.Order()), $"{scenario.Id}: page {string.Join("; ", reasons)} / service {string.Join("; ", wantReasons)}");
            Assert.Equal(expected.Excluded.Count, await page.Locator("table.excluded tbody tr").CountAsync());
            Assert.Equal(expected.Total.ToString("#,0.##", CultureInfo.InvariantCulture), await page.Locator("#total").InnerTextAsync());
            entitledSeen += rows.Count;
            notEntitledSeen += reasons.Count;
            if (scenario.Id == "S12")
            {
                await Artifacts.ScreenshotAsync(page, "benefits");
                await Artifacts.AssertAccessibleAsync(page, "惠企");
            }
        }

        Assert.True(entitledSeen >= 9 && notEntitledSeen >= 4, $"{entitledSeen} entitlements, {notEntitledSeen} not entitled over the gold scenarios");

        // A measure of a document in the ledger links to its 事项 page.
        await page.GotoAsync("/benefits");
        await FillAsync(page, nodes["S07"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "测算" }).ClickAsync();
        var link = page.Locator("table.entitled a.item-link").First;
        var cited = await link.InnerTextAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/item?key=", StringComparison.Ordinal));
        Assert.Equal("事项 " + cited.Replace(" #", "#", StringComparison.Ordinal), (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [SkippableFact]
    public async Task Bad_input_is_said_in_Chinese_naming_the_field()
    {
        browser.Require();
        await using var server = await LiveServer.StartAsync(Today);
        await server.AddUserAsync("zhang", "supervisor");

        await using var context = await browser.ContextAsync(server);
        var page = await Browse.SignedInAsync(context, "zhang");
        await page.GotoAsync("/benefits");
        await page.GetByLabel("申请人类型").SelectOptionAsync("person");
        await page.GetByLabel("所属行业").FillAsync("星际贸易");
        await page.GetByLabel("事件1的类型").SelectOptionAsync("car_purchase");
        await page.GetByLabel("事件1的日期").FillAsync("2023-02-15");
        await page.GetByLabel("事件1的其他字段").FillAsync("new: 是\nprice: -5");
        await page.GetByRole(AriaRole.Button, new() { Name = "测算" }).ClickAsync();
        var errors = await page.Locator("div.errors").InnerTextAsync();
        Assert.Contains("所属行业“星际贸易”无法识别", errors, StringComparison.Ordinal);

        // With a known industry, the negative price is what is wrong: named by its event and field.
        await page.GetByLabel("所属行业").FillAsync("餐饮服务");
        await page.GetByRole(AriaRole.Button, new() { Name = "测算" }).ClickAsync();
        errors = await page.Locator("div.errors").InnerTextAsync();
        Assert.Contains("事件1的 price", errors, StringComparison.Ordinal);
        Assert.Contains("不能为负数", errors, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#h-result").CountAsync());
        Assert.Equal("餐饮服务", await page.GetByLabel("所属行业").InputValueAsync());

        // A field the event does not have, and a date that is not one.
        await page.GetByLabel("事件1的其他字段").FillAsync("new: 是\nprise: 100000");
        await page.GetByLabel("评估日").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "测算" }).ClickAsync();
        errors = await page.Locator("div.errors").InnerTextAsync();
        Assert.Contains("事件1（购买汽车）的其他字段第2行：不认识的字段“prise”", errors, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "benefits-errors");
        await Artifacts.AssertAccessibleAsync(page, "惠企（有误）");
    }

    /// <summary>The gold file's scenarios as YAML nodes, by id (what the test types into the form).</summary>
    private static Dictionary<string, YamlMappingNode> GoldNodes(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlSequenceNode)root.Children[new YamlScalarNode("scenarios")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(s => Scalar(s, "id")!, s => s, StringComparer.Ordinal);
    }

    /// <summary>Types a scenario into the form as a person would: the profile's own inputs, other fields as lines, each event in its row.</summary>
    private static async Task FillAsync(IPage page, YamlMappingNode scenario)
    {
        var profile = (YamlMappingNode)scenario.Children[new YamlScalarNode("profile")];
        var more = new List<string>();
        foreach (var (keyNode, value) in profile.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            switch (key)
            {
                case "kind":
                    await page.GetByLabel("申请人类型").SelectOptionAsync(Text(value));
                    break;
                case "place" when value is YamlMappingNode place:
                    foreach (var (part, label) in new[] { ("province", "所在省"), ("city", "所在市"), ("district", "所在县（市、区）或街道") })
                    {
                        if (Scalar(place, part) is { } text)
                        {
                            await page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
                        }
                    }

                    break;
                case "size":
                    await page.GetByLabel("企业规模").SelectOptionAsync(Text(value));
                    break;
                case "industry":
                    await page.GetByLabel("所属行业").FillAsync(Text(value));
                    break;
                case "ownership":
                    await page.GetByLabel("所有制").FillAsync(Text(value));
                    break;
                case "titles":
                    await page.GetByLabel("称号").FillAsync(value is YamlSequenceNode list ? string.Join("、", list.Children.Select(Text)) : Text(value));
                    break;
                case "规上" or "小型微利企业" or "科技型中小企业":
                    await page.GetByLabel(key == "规上" ? "规模以上企业" : key, new() { Exact = true }).SelectOptionAsync(Text(value));
                    break;
                default:
                    more.AddRange(Lines(key, value, ScenarioVocabulary.Default.Profile.Keys));
                    break;
            }
        }

        await page.GetByLabel("其他情况").FillAsync(string.Join("\n", more));
        var events = (YamlSequenceNode)scenario.Children[new YamlScalarNode("events")];
        for (var i = 0; i < events.Children.Count; i++)
        {
            var e = (YamlMappingNode)events.Children[i];
            Assert.Equal($"e{i + 1}", Scalar(e, "id"));
            await page.GetByLabel($"事件{i + 1}的类型").SelectOptionAsync(Scalar(e, "type")!);
            await page.GetByLabel($"事件{i + 1}的日期").FillAsync(Scalar(e, "date")!);
            var lines = e.Children.Where(kv => ((YamlScalarNode)kv.Key).Value is not ("id" or "type" or "date"))
                .Select(kv => $"{((YamlScalarNode)kv.Key).Value}: {Flow(kv.Value)}");
            await page.GetByLabel($"事件{i + 1}的其他字段").FillAsync(string.Join("\n", lines));
        }

        await page.GetByLabel("评估日").FillAsync(Scalar(scenario, "as_of")!);
    }

    /// <summary>A profile field as "字段: 值" lines: maps the vocabulary splits into dotted fields (status.age) become one line each.</summary>
    private static IEnumerable<string> Lines(string key, YamlNode value, IEnumerable<string> fields) =>
        value is YamlMappingNode map && fields.Any(f => f.StartsWith(key + ".", StringComparison.Ordinal))
            ? map.Children.SelectMany(kv => Lines($"{key}.{((YamlScalarNode)kv.Key).Value}", kv.Value, fields))
            : [$"{key}: {Flow(value)}"];

    /// <summary>A value written in YAML's flow form, as a person would type it in a line.</summary>
    private static string Flow(YamlNode node) => node switch
    {
        YamlSequenceNode list => "[" + string.Join(", ", list.Children.Select(Flow)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => $"{Flow(kv.Key)}: {Flow(kv.Value)}")) + "}",
        YamlScalarNode s when s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && !NeedsQuotes(s.Value!) => s.Value!,
        YamlScalarNode s => "'" + s.Value!.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => throw new InvalidOperationException("unexpected YAML node"),
    };

    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || text.IndexOfAny([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`']) >= 0 || text.Contains(": ", StringComparison.Ordinal);

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    /// <summary>Each row of a result table as "document|item|attributes…".</summary>
    private static async Task<List<string>> RowsAsync(IPage page, string table, params string[] attributes)
    {
        var rows = new List<string>();
        foreach (var row in await page.Locator($"{table} tbody tr").AllAsync())
        {
            var parts = new List<string> { await row.GetAttributeAsync("data-document") ?? "", await row.GetAttributeAsync("data-item") ?? "" };
            foreach (var a in attributes)
            {
                parts.Add(await row.GetAttributeAsync(a) ?? "");
            }

            rows.Add(string.Join("|", parts));
        }

        return rows;
    }
}
