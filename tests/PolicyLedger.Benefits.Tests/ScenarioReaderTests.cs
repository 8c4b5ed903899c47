using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PolicyLedger.Benefits.Tests;

/// <summary>Scenario files: the gold vocabulary is accepted whole; bad files get errors naming file, line and field.</summary>
public sealed class ScenarioReaderTests
{
    private const string Head = "profile:\n  kind: household\n  place: {province: 河南省, city: 济源示范区}\nas_of: 2023-04-30\nevents:\n";

    private static ScenarioLoad Read(string events) => new ScenarioReader().Read(Head + events, "bad.yaml");

    [Fact]
    public void An_unknown_event_type_is_an_error_naming_the_field()
    {
        var load = Read("  - {id: e1, date: 2023-02-15, type: car_purchse, price: 100000}\n");
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(BenefitCodes.UnknownEventType, error.Code);
        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(6, error.Line);
        Assert.Equal("events[0].type", error.Path);
        Assert.Contains("car_purchse", error.Message);
        Assert.Contains("car_purchase", error.Message);
        Assert.Empty(load.Scenarios);
    }

    [Theory]
    [InlineData("  - {id: e1, date: 2023-02-30, type: car_purchase, price: 100000}\n", "events[0].date", BenefitCodes.NotADate)]
    [InlineData("  - {id: e1, date: next week, type: car_purchase, price: 100000}\n", "events[0].date", BenefitCodes.NotADate)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: car_purchase, price: -100}\n", "events[0].price", BenefitCodes.NegativeAmount)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: car_purchase, price: 很贵}\n", "events[0].price", BenefitCodes.WrongType)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: car_purchase, new: maybe}\n", "events[0].new", BenefitCodes.WrongType)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: hire, count: 2.5}\n", "events[0].count", BenefitCodes.WrongType)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: home_purchase, contract_filed: 2月22日}\n", "events[0].contract_filed", BenefitCodes.NotADate)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: tax_liability, period: sometime}\n", "events[0].period", BenefitCodes.NotADate)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: tax_liability, taxes_due_before_reduction: {房产税: -5}}\n", "events[0].taxes_due_before_reduction.房产税", BenefitCodes.NegativeAmount)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: hire, social_insurance_from: July}\n", "events[0].social_insurance_from", BenefitCodes.NotADate)]
    [InlineData("  - {id: e1, type: car_purchase, price: 100}\n", "events[0].date", BenefitCodes.MissingField)]
    [InlineData("  - {id: e1, date: 2023-02-15, price: 100}\n", "events[0].type", BenefitCodes.MissingField)]
    [InlineData("  - {id: e1, date: 2023-02-15, type: car_purchase}\n  - {id: e1, date: 2023-02-16, type: car_purchase}\n", "events", BenefitCodes.DuplicateEventId)]
    public void Bad_values_are_errors_naming_the_field(string events, string path, string code)
    {
        var load = Read(events);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.True(error.Line >= 6, error.ToString());
        Assert.StartsWith("bad.yaml:", error.ToString());
        Assert.Empty(load.Scenarios);
    }

    [Fact]
    public void A_negative_price_names_file_line_and_field_in_its_message()
    {
        var load = Read("  - id: e1\n    date: 2023-02-15\n    type: car_purchase\n    price: -158000\n");
        Assert.Equal("bad.yaml:9:12: 错误 PL606 events[0].price: 不能为负数（-158000）", Assert.Single(load.Diagnostics).ToString());
    }

    [Fact]
    public void Unknown_fields_are_warnings_and_the_scenario_is_still_read()
    {
        var load = new ScenarioReader().Read("profile:\n  kind: person\n  favourite_colour: blue\nevents:\n  - {id: e1, date: 2023-02-15, type: car_purchase, price: 1, colour: red}\nas_of: 2023-03-01\nmood: good\n", "w.yaml");
        Assert.False(load.HasErrors);
        Assert.Equal(["events[0].colour", "mood", "profile.favourite_colour"], load.Diagnostics.Select(d => d.Path!).Order(StringComparer.Ordinal).ToArray());
        Assert.All(load.Diagnostics, d => Assert.Equal(BenefitCodes.UnknownField, d.Code));
        Assert.Single(load.Scenarios);
    }

    [Fact]
    public void Not_yaml_is_an_error_with_a_position()
    {
        var load = new ScenarioReader().Read("profile: {kind: person\nevents: [", "broken.yaml");
        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(BenefitCodes.ScenarioNotYaml, error.Code);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Events_after_as_of_are_warned_about()
    {
        var load = Read("  - {id: e1, date: 2023-05-02, type: car_purchase, price: 1}\n");
        var warning = Assert.Single(load.Diagnostics);
        Assert.Equal(BenefitCodes.EventAfterAsOf, warning.Code);
        Assert.False(warning.IsError);
    }

    [Fact]
    public void A_reference_to_an_unknown_event_is_a_warning()
    {
        var load = Read("  - {id: e1, date: 2023-03-01, type: deed_tax_paid, for: e9, amount: 100}\n");
        Assert.Equal(BenefitCodes.UnknownEventReference, Assert.Single(load.Diagnostics).Code);
    }

    [Fact]
    public void Percent_and_boolean_spellings_are_read()
    {
        var load = Read("  - {id: e1, date: 2023-03-01, type: vat_filing, levy_rate: 3%, period: 2023Q1, taxable_sales_excl_vat: 1}\n  - {id: e2, date: 2023-03-01, type: car_purchase, new: 是, price: 1}\n");
        Assert.False(load.HasErrors);
        var events = load.Scenarios[0].Events;
        Assert.Equal(3m, events[0].Fields["levy_rate"]);
        Assert.Equal(true, events[1].Fields["new"]);
    }

    [SkippableFact]
    public void Every_field_and_event_type_of_the_gold_vocabulary_is_known()
    {
        SharedData.Require();
        var stream = new YamlStream();
        using (var reader = File.OpenText(SharedData.Path("gold", "benefits_examples.yaml")))
        {
            stream.Load(reader);
        }

        var vocabulary = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["about"])["vocabulary"];
        var fields = ((YamlSequenceNode)vocabulary["profile_fields"]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
        Assert.DoesNotContain(fields, f => ScenarioVocabulary.Default.ProfileField(f) is null);
        var types = (YamlMappingNode)vocabulary["event_types"];
        foreach (var (type, list) in types.Children)
        {
            var name = ((YamlScalarNode)type).Value!;
            Assert.True(ScenarioVocabulary.Default.Events.ContainsKey(name), name);
            Assert.DoesNotContain(((YamlSequenceNode)list).Children.Select(c => ((YamlScalarNode)c).Value!), f => ScenarioVocabulary.Default.EventField(name, f) is null);
        }

        Assert.Equal(50, fields.Count);
        Assert.Equal(34, types.Children.Count);
    }
}
