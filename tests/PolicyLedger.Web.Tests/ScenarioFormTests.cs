using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using PolicyLedger.Web.Benefits;

namespace PolicyLedger.Web.Tests;

/// <summary>
/// The 惠企 form turned into a scenario: what each input gives the calculator (one line per case), and every way of
/// filling it wrongly, each said in Chinese naming the field as the form shows it. The rules' terms are the shipped ones.
/// </summary>
public sealed class ScenarioFormTests
{
    private static readonly RuleSet Rules = RuleSetLoader.Load(RuleSetLoader.Folder(null));

    private static FormReading Read(ScenarioForm form) => form.Read(Rules.Terms, ScenarioVocabulary.Default, BenefitLabels.Default);

    private static ScenarioForm Person(params EventRow[] events) => new() { Kind = "person", Events = [.. events] };

    private static EventRow Event(string? type, string? date, string? fields = null) => new() { Type = type, Date = date, Fields = fields };

    private static Scenario Ok(ScenarioForm form)
    {
        var reading = Read(form);
        Assert.True(reading.Scenario is not null, string.Join("\n", reading.Errors));
        Assert.Empty(reading.Errors);
        return reading.Scenario!;
    }

    private static string Error(ScenarioForm form)
    {
        var reading = Read(form);
        Assert.Null(reading.Scenario);
        return Assert.Single(reading.Errors);
    }

    private static object? At(IReadOnlyDictionary<string, object?> map, string path)
    {
        object? value = map;
        foreach (var part in path.Split('.'))
        {
            value = value is IReadOnlyDictionary<string, object?> m && m.TryGetValue(part, out var next) ? next : null;
        }

        return value;
    }

    [Fact]
    public void The_profile_inputs_give_the_fields_of_scenario_files()
    {
        var s = Ok(new ScenarioForm
        {
            Kind = "enterprise", Province = " 甲省 ", City = "乙市", District = "丙县", Size = "小型", Industry = "食品加工", Ownership = "民营",
            Titles = "专精特新中小企业、高新技术企业，瞪羚企业", AboveScale = "false", SmallLowProfit = "true", TechSme = "",
            More = "employees_before_hires: 50\nstatus.age： 45\nemployment_2022.headcount: 19\nemployment_2022.social_insurance: all insured\nexport_credit_insurance: {platform: 统保平台}",
            AsOf = "2023年4月30日",
        });
        Assert.Equal("enterprise", At(s.Profile, "kind"));
        Assert.Equal("甲省", At(s.Profile, "place.province"));
        Assert.Equal("丙县", At(s.Profile, "place.district"));
        Assert.Equal("小型", At(s.Profile, "size"));
        Assert.Equal("食品加工", At(s.Profile, "industry"));
        Assert.Equal(new object?[] { "专精特新中小企业", "高新技术企业", "瞪羚企业" }, Assert.IsAssignableFrom<IEnumerable<object?>>(At(s.Profile, "titles")));
        Assert.Equal(false, At(s.Profile, "规上"));
        Assert.Equal(true, At(s.Profile, "小型微利企业"));
        Assert.Null(At(s.Profile, "科技型中小企业"));
        Assert.False(s.Profile.ContainsKey("科技型中小企业"));
        Assert.Equal(50m, At(s.Profile, "employees_before_hires"));
        Assert.Equal(45m, At(s.Profile, "status.age"));
        Assert.Equal(19m, At(s.Profile, "employment_2022.headcount"));
        Assert.Equal("all insured", At(s.Profile, "employment_2022.social_insurance"));
        Assert.Equal("统保平台", At(s.Profile, "export_credit_insurance.platform"));
        Assert.Equal(new DateOnly(2023, 4, 30), s.AsOf);
        Assert.Empty(s.Events);
    }

    [Fact]
    public void Text_typed_into_a_text_input_stays_text()
    {
        // A district named like a number or a date, an ownership "true": kept as typed, never read as a number or true.
        var s = Ok(new ScenarioForm { Kind = "household", District = "2023", Ownership = "true", City = "2023-01-01" });
        Assert.Equal("2023", At(s.Profile, "place.district"));
        Assert.Equal("true", At(s.Profile, "ownership"));
        Assert.Equal("2023-01-01", At(s.Profile, "place.city"));
    }

    [Fact]
    public void Event_rows_become_events_numbered_by_their_row_and_blank_rows_are_left_out()
    {
        var s = Ok(Person(
            Event(null, null),
            Event("home_purchase", "2023/2/18", "area_m2: 120.5\nprice: 1200000\nlocation: 乙市\nonline_contract_网签: 2023-02-18"),
            Event(null, " ", " \n "),
            Event("deed_tax_paid", "2023-03-01", "for: e2\namount: 12000\npaid_in_full: 是"),
            Event("hire", "2022-07-15", "count: 5\ncategory: 'graduated 2019, employed elsewhere'\nsocial_insurance_from: 2022-07")));
        Assert.Equal(["e2", "e4", "e5"], s.Events.Select(e => e.Id));
        Assert.Equal(["home_purchase", "deed_tax_paid", "hire"], s.Events.Select(e => e.Type));
        Assert.Equal(new DateOnly(2023, 2, 18), s.Events[0].Date);
        Assert.Equal(120.5m, s.Events[0].Fields["area_m2"]);
        Assert.Equal(new DateOnly(2023, 2, 18), s.Events[0].Fields["online_contract_网签"]);
        Assert.Equal("e2", s.Events[1].Fields["for"]);
        Assert.Equal(true, s.Events[1].Fields["paid_in_full"]);
        Assert.Equal("graduated 2019, employed elsewhere", s.Events[2].Fields["category"]);
    }

    [Fact]
    public void A_list_and_a_map_are_typed_in_flow_form()
    {
        var s = Ok(Person(Event("tax_liability", "2023-12-31", "period: 2023\ntaxes_due_before_reduction: {房产税: 10000, 印花税: 1000}")));
        var taxes = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(s.Events[0].Fields["taxes_due_before_reduction"]);
        Assert.Equal(10000m, taxes["房产税"]);
    }

    [Theory]
    [InlineData(null, "申请人类型：请选择")]
    [InlineData("company", "申请人类型“company”不是可选的类型")]
    public void A_missing_or_unknown_applicant_kind_is_named(string? kind, string said) =>
        Assert.StartsWith(said, Error(new ScenarioForm { Kind = kind }), StringComparison.Ordinal);

    [Theory]
    [InlineData("Size", "特大型", "企业规模“特大型”不是可选的规模")]
    [InlineData("Industry", "星际贸易", "所属行业“星际贸易”无法识别")]
    [InlineData("AboveScale", "yes", "规模以上企业“yes”：请选择 是 或 否")]
    [InlineData("AsOf", "明天", "评估日“明天”不是日期")]
    [InlineData("More", "status.agee: 30", "其他情况第1行：不认识的字段“status.agee”")]
    [InlineData("More", "industry: 餐饮", "其他情况第1行：“industry”请在上方的“所属行业”中填写")]
    [InlineData("More", "place.city: 乙市", "其他情况第1行：“place.city”请在上方的“所在地”中填写")]
    [InlineData("More", "homes_owned_before: 0\n\nhomes_owned_before: 1", "其他情况第3行：字段“homes_owned_before”重复")]
    [InlineData("More", "homes_owned_before 0", "其他情况第1行“homes_owned_before 0”：请写作“字段: 值”")]
    [InlineData("More", "loans: [a, b", "其他情况第1行：字段“loans”的值“[a, b”无法读取")]
    [InlineData("More", "homes_owned_before: -1", "其他情况的 homes_owned_before（整数（不为负））：不能为负数")]
    [InlineData("More", "status.城市低保对象: 也许", "其他情况的 status.城市低保对象（是或否）：应是 true 或 false")]
    public void A_profile_field_filled_wrongly_is_named(string input, string value, string said)
    {
        var form = new ScenarioForm { Kind = "person" };
        typeof(ScenarioForm).GetProperty(input)!.SetValue(form, value);
        Assert.StartsWith(said, Error(form), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "2023-02-15", "new: 是", "事件1：请选择事件类型")]
    [InlineData("car_bought", "2023-02-15", "", "事件1：“car_bought”不是可选的事件类型")]
    [InlineData("car_purchase", "", "price: 100", "事件1（购买汽车）的日期：请填写")]
    [InlineData("car_purchase", "2023-02-30", "price: 100", "事件1（购买汽车）的日期“2023-02-30”不是日期")]
    [InlineData("car_purchase", "2023-02-15", "prise: 100", "事件1（购买汽车）的其他字段第1行：不认识的字段“prise”")]
    [InlineData("car_purchase", "2023-02-15", "date: 2023-02-16", "事件1（购买汽车）的其他字段第1行：date 由表单给出")]
    [InlineData("car_purchase", "2023-02-15", "price: 100\nprice: 200", "事件1（购买汽车）的其他字段第2行：字段“price”重复")]
    [InlineData("car_purchase", "2023-02-15", "price: -5", "事件1的 price：不能为负数")]
    [InlineData("car_purchase", "2023-02-15", "price: 十万", "事件1的 price：")]
    [InlineData("car_purchase", "2023-02-15", "new: 也许", "事件1的 new：应是 true 或 false")]
    [InlineData("home_purchase", "2023-02-15", "contract_filed: 二月", "事件1的 contract_filed：“二月”不是日期")]
    public void An_event_filled_wrongly_is_named(string? type, string? date, string fields, string said) =>
        Assert.StartsWith(said, Error(Person(Event(type, date, fields))), StringComparison.Ordinal);

    [Fact]
    public void A_wrong_event_is_named_by_its_row_even_after_blank_rows()
    {
        var error = Error(Person(Event(null, null), Event(null, null), Event("car_purchase", "2023-02-15", "price: -5")));
        Assert.StartsWith("事件3的 price：不能为负数", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_form_is_said_at_once()
    {
        var reading = Read(new ScenarioForm
        {
            Kind = null,
            Size = "特大型",
            Industry = "星际贸易",
            Events = [Event("car_purchase", "不是日期"), Event("car_bought", "2023-02-15")],
        });
        Assert.Null(reading.Scenario);
        Assert.Equal(5, reading.Errors.Count);
    }

    [Fact]
    public void A_reference_to_no_event_is_a_warning_and_the_scenario_is_still_read()
    {
        var reading = Read(Person(Event("deed_tax_paid", "2023-03-01", "for: e9\namount: 100")));
        Assert.NotNull(reading.Scenario);
        Assert.Contains(reading.Warnings, w => w.Code == PolicyLedger.Benefits.BenefitCodes.UnknownEventReference && w.Message.Contains("e9", StringComparison.Ordinal));
    }

    [Fact]
    public void The_labels_name_every_event_type_of_the_vocabulary()
    {
        foreach (var type in ScenarioVocabulary.Default.Events.Keys)
        {
            Assert.NotEqual(type, BenefitLabels.Default.Event(type));
        }

        foreach (var type in Enum.GetValues<FieldType>())
        {
            Assert.NotEqual(type.ToString(), BenefitLabels.Default.Type(type));
        }
    }
}
