using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>Rule files are checked when they load: each problem names the file, line and field; other rules still load.</summary>
public sealed class RuleLoaderTests
{
    private const string Places = "places:\n  - name: 河南省\n    parts:\n      - name: 济源示范区\n        aliases: [济源]\n";

    private const string Document = "document:\n  key: T\n  cite: 测〔2023〕1号\n  date: 2023-01-19\n  applies_in: [济源示范区]\n  valid: {from: 2023-01-19, to: 2023-12-31}\n";

    private const string GoodRule = """
          - id: good
            item: 1
            benefit: 好
            quote: 给予补贴
            on: car_purchase
            amount: {value: event.price * 5%, kind: exact}
            tests:
              - name: ok
                profile: {kind: person, place: {city: 济源示范区}}
                events: [{id: e1, type: car_purchase, date: 2023-02-01, price: 100}]
                expect: 5
        """;

    private static string File(string rules) => Document + "rules:\n" + GoodRule + "\n" + rules + "\n";

    private static RuleSet Load(string rules) => RuleSetLoader.Load([("places.yaml", Places, null), ("t.yaml", File(rules), null)], "test");

    [Theory]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, amount: {value: event.price *, kind: exact}}", BenefitCodes.RuleBadExpression, "表达式不完整")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchas, amount: {value: 1, kind: exact}}", BenefitCodes.RuleUnknownEventType, "car_purchas")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, amount: {value: frobnicate(1), kind: exact}}", BenefitCodes.RuleUnknownFunction, "frobnicate")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, amount: {value: pricee, kind: exact}}", BenefitCodes.RuleUnknownName, "pricee")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, within: [火星], amount: {value: 1, kind: exact}}", BenefitCodes.RuleUnknownPlace, "火星")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, when: [{test: true, code: because, reason: r}], amount: {value: 1, kind: exact}}", BenefitCodes.RuleBadReasonCode, "because")]
    [InlineData("  - {id: bad, item: 2, benefit: b, on: car_purchase, amount: {value: 1, kind: exact}}", BenefitCodes.RuleMissingField, "quote")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, amount: {value: 1}}", BenefitCodes.RuleMissingField, "kind")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, group: 不存在, amount: {value: 1, kind: exact}}", BenefitCodes.RuleUnknownGroup, "不存在")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, windows: [], amount: {value: 1, kind: exact}}", BenefitCodes.RuleUnknownKey, "windows")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, window: {from: 2023-13-01}, amount: {value: 1, kind: exact}}", BenefitCodes.RuleBadDate, "2023-13-01")]
    [InlineData("  - {id: bad, item: 2, benefit: b, quote: q, on: car_purchase, amount: {tiers: [{when: true, value: 1}], kind: exact}}", BenefitCodes.RuleMissingField, "none")]
    [InlineData("  - {id: good, item: 2, benefit: b, quote: q, on: car_purchase, amount: {value: 1, kind: exact}}", BenefitCodes.RuleDuplicateId, "good")]
    public void A_bad_rule_is_an_error_with_file_and_line_and_the_others_load(string rule, string code, string mention)
    {
        var set = Load(rule);
        var error = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal("t.yaml", error.File);
        Assert.True(error.Line >= 8, error.ToString());
        Assert.Contains(mention, error.ToString());
        Assert.Single(set.Rules, r => r.Id == "good");
    }

    [Fact]
    public void An_expression_error_points_at_its_column()
    {
        var rules = "  - id: bad\n    item: 2\n    benefit: b\n    quote: q\n    on: car_purchase\n    amount:\n      value: event.price * * 2\n      kind: exact\n";
        var set = Load(rules);
        var error = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Equal(BenefitCodes.RuleBadExpression, error.Code);
        Assert.Equal(File(rules).Split('\n').ToList().FindIndex(l => l.Contains("* * 2", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Equal(14 + "event.price * ".Length, error.Column);
    }

    [Fact]
    public void An_unknown_event_field_is_a_warning()
    {
        var set = Load("  - {id: w, item: 2, benefit: b, quote: q, on: car_purchase, amount: {value: event.prise, kind: exact}}");
        var warning = Assert.Single(set.Diagnostics, d => d.Code != BenefitCodes.RuleNoTests);
        Assert.Equal(BenefitCodes.RuleUnknownEventField, warning.Code);
        Assert.False(warning.IsError);
        Assert.Contains("prise", warning.Message);
        Assert.Equal(2, set.Rules.Count());
    }

    [Fact]
    public void Not_yaml_and_unknown_files_are_errors_and_other_files_still_load()
    {
        var set = RuleSetLoader.Load(
            [("places.yaml", Places, null), ("broken.yaml", "document: [", null), ("odd.yaml", "hello: world", null), ("gone.yaml", null, "permission denied"),
             ("t.yaml", File(string.Empty), null)],
            "test");
        Assert.Equal(["broken.yaml", "gone.yaml", "odd.yaml"], set.Diagnostics.Where(d => d.IsError).Select(d => d.File).Order(StringComparer.Ordinal).ToArray());
        Assert.Single(set.Documents);
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_an_exception()
    {
        var set = RuleSetLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-rules-" + Guid.NewGuid()));
        Assert.Equal(BenefitCodes.RuleFileUnreadable, Assert.Single(set.Diagnostics).Code);
        Assert.Empty(set.Documents);
    }

    [Fact]
    public void The_shipped_rules_cover_the_four_documents_and_the_plan()
    {
        var cites = RuleFiles.Rules.Documents.Select(d => d.Cite).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["三政办〔2022〕16号", "三政办〔2022〕6号", "济管〔2023〕19号", "焦政〔2023〕1号", "红旗区政策措施（2023-03-29，无文号）"], cites);
        Assert.Empty(RuleFiles.Rules.Diagnostics);
    }
}
