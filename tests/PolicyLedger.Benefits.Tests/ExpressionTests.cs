using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Places;

namespace PolicyLedger.Benefits.Tests;

/// <summary>The rule expression language: one line per case (expression → value), and its errors.</summary>
public sealed class ExpressionTests
{
    private static readonly PlaceBook Places = new(
        [new PlaceNode("河南省", [], null, 0), new PlaceNode("焦作市", ["焦作"], "河南省", 1), new PlaceNode("温县", [], "焦作市", 2), new PlaceNode("山阳区", [], "焦作市", 2)],
        new Dictionary<string, IReadOnlyList<string>> { ["城区"] = ["山阳区"] });

    private static readonly TermBook Terms = new([new Term("小微", ["小型", "微型", "small"], []), new Term("登记失业", ["登记失业", "registered unemployed"], ["never registered", "未登记"])]);

    private static readonly IReadOnlyList<IReadOnlyDictionary<string, object?>> Events =
    [
        new Dictionary<string, object?> { ["id"] = "e1", ["type"] = "hire", ["date"] = new DateOnly(2022, 7, 1), ["count"] = 2m },
        new Dictionary<string, object?> { ["id"] = "e2", ["type"] = "hire", ["date"] = new DateOnly(2022, 8, 1), ["count"] = 3m },
        new Dictionary<string, object?> { ["id"] = "e3", ["type"] = "loan", ["date"] = new DateOnly(2022, 9, 1), ["principal"] = 100000m },
    ];

    private static object? Eval(string text)
    {
        var parsed = ExprParser.Parse(text);
        Assert.True(parsed.Success, $"{text}: {parsed.Error}");
        var scope = new Bindings(new Dictionary<string, object?>
        {
            ["event"] = new Dictionary<string, object?> { ["price"] = 158000m, ["date"] = new DateOnly(2023, 2, 15), ["place"] = "焦作市温县", ["fees"] = new Dictionary<string, object?> { ["a"] = 1m, ["b"] = 2.5m } },
            ["profile"] = new Dictionary<string, object?> { ["size"] = "小型", ["titles"] = new List<object?> { "专精特新", "高新技术企业" } },
            ["as_of"] = new DateOnly(2023, 4, 30),
        });
        return new Evaluator(Places, Terms, Events).Evaluate(parsed.Expression!.Root, scope);
    }

    [Theory]
    [InlineData("event.price * 5%", "7900")]
    [InlineData("300万", "3000000")]
    [InlineData("1.5亿", "150000000")]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("-3 + 1", "-2")]
    [InlineData("event.price >= 158000 and event.price < 158001", "是")]
    [InlineData("event.missing * 2", "（无）")]
    [InlineData("event.missing > 1", "否")]
    [InlineData("event.missing == null", "是")]
    [InlineData("not event.missing", "是")]
    [InlineData("event.date <= 2023-02-28", "是")]
    [InlineData("event.date == '2023-02-15'", "是")]
    [InlineData("'专精特新' in profile.titles", "是")]
    [InlineData("'x' not in profile.titles", "是")]
    [InlineData("min(event.price * 5%, 10000)", "7900")]
    [InlineData("max(2023-01-01, 2022-12-01)", "2023-01-01")]
    [InlineData("coalesce(event.missing, event.price)", "158000")]
    [InlineData("if(event.price > 100, 'big', 'small')", "big")]
    [InlineData("if(true, 1, event.missing * 'x')", "1")]
    [InlineData("within(event.place, '焦作市')", "是")]
    [InlineData("within(event.place, '城区')", "否")]
    [InlineData("within('焦作山阳区', '城区')", "是")]
    [InlineData("district(event.place)", "温县")]
    [InlineData("city('温县')", "焦作市")]
    [InlineData("is(profile.size, '小微')", "是")]
    [InlineData("is('never registered unemployed', '登记失业')", "否")]
    [InlineData("is('registered unemployed for 8 months', '登记失业')", "是")]
    [InlineData("has(profile.titles, '高新')", "是")]
    [InlineData("sum(events('hire'), it.count)", "5")]
    [InlineData("count(events('hire', 'loan'))", "3")]
    [InlineData("count(events('hire'), it.count > 2)", "1")]
    [InlineData("first(filter(events('hire'), it.count == 3)).id", "e2")]
    [InlineData("event(event.missing)", "（无）")]
    [InlineData("event('e3').principal", "100000")]
    [InlineData("sum(event.fees)", "3.5")]
    [InlineData("sum(7)", "7")]
    [InlineData("sum_of(event.fees, ['a', 'z'])", "1")]
    [InlineData("period('2023Q1')", "2023-01-01至2023-03-31")]
    [InlineData("period('2022-06')", "2022-06-01至2022-06-30")]
    [InlineData("period(2023)", "2023-01-01至2023-12-31")]
    [InlineData("period('2023H2')", "2023-07-01至2023-12-31")]
    [InlineData("year(event.date)", "2023")]
    [InlineData("calendar_months(2022-12-01, as_of)", "5")]
    [InlineData("add_months(2023-01-31, 1)", "2023-02-28")]
    [InlineData("grade('AAAA')", "4")]
    [InlineData("grade('5A级')", "5")]
    [InlineData("grad_year('2022届高校毕业生')", "2022")]
    [InlineData("grad_year('graduated 2019, employed elsewhere')", "2019")]
    [InlineData("grad_year('2019年毕业')", "2019")]
    [InlineData("grad_year('毕业年度')", "（无）")]
    [InlineData("duration_months('登记失业8个月，持证')", "8")]
    [InlineData("duration_months('失业一年')", "12")]
    [InlineData("duration_months('登记失业半年以上')", "6")]
    [InlineData("duration_months('registered unemployed for 7 months')", "7")]
    [InlineData("duration_months('unemployed for 1.5 years')", "18")]
    [InlineData("duration_months('2022届高校毕业生')", "（无）")]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("floor(2.9)", "2")]
    [InlineData("len(profile.titles)", "2")]
    [InlineData("event.fees['b']", "2.5")]
    [InlineData("profile.titles[1]", "高新技术企业")]
    [InlineData("profile.规上", "（无）")]
    public void Evaluates(string expression, string expected) => Assert.Equal(expected, Values.Format(Eval(expression)));

    [Theory]
    [InlineData("1 +", "表达式不完整")]
    [InlineData("(1 + 2", "“)”")]
    [InlineData("a b", "缺少运算符")]
    [InlineData("'abc", "引号")]
    [InlineData("2023-02-30", "不是有效日期")]
    [InlineData("1 # 2", "不认识的字符")]
    public void Reports_syntax_errors_with_a_position(string expression, string message)
    {
        var parsed = ExprParser.Parse(expression);
        Assert.False(parsed.Success);
        Assert.Contains(message, parsed.Error);
        Assert.InRange(parsed.ErrorPosition, 0, expression.Length);
    }

    [Theory]
    [InlineData("'a' * 2", "只能对数运算")]
    [InlineData("unknown_name + 1", "没有名为")]
    [InlineData("1 / 0", "除以零")]
    [InlineData("event.date < 5", "不能比较")]
    public void Reports_evaluation_errors(string expression, string message)
    {
        var e = Assert.Throws<EvaluationException>(() => Eval(expression));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Renders_a_formula_with_the_values_of_the_scenario()
    {
        var parsed = ExprParser.Parse("(event.price - 100万) * 5% / 12").Expression!;
        var scope = new Bindings(new Dictionary<string, object?> { ["event"] = new Dictionary<string, object?> { ["price"] = 1600000m } });
        Assert.Equal("(1600000 − 100万) × 5% ÷ 12", ExprRenderer.Render(parsed.Root, new Evaluator(Places, Terms, []), scope));
    }
}
