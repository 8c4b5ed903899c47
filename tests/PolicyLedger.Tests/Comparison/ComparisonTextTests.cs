using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Figures;
using PolicyLedger.Comparison.Text;
using PolicyLedger.Reading;

namespace PolicyLedger.Tests.Comparison;

/// <summary>The text stages of the comparison: boilerplate words, enumerations, and figures given "respectively" (分别).</summary>
public class ComparisonTextTests
{
    [Theory]
    [InlineData("燃气、矿山、危险化学品、道路交通等重点行业", new[] { "燃气", "矿山", "危险化学品", "道路交通" })]
    [InlineData("对粮食、成品粮油、猪肉、蔬菜的储备", new[] { "粮食", "成品粮油", "猪肉", "蔬菜" })]
    [InlineData("，零售、餐饮、住宿等行业", new[] { "零售", "餐饮", "住宿" })]
    public void Lists_of_three_members_or_more_are_read(string text, string[] members)
    {
        var list = Assert.Single(Enumeration.Lists(text));
        Assert.Equal(members, list.Select(m => m.Text));
        Assert.All(list, m => Assert.Equal(m.Text, text.Substring(m.Start, m.Text.Length)));
    }

    [Theory]
    [InlineData("省、市两级财政给予支持")]
    [InlineData("对企业给予补贴，最高不超过50万元。")]
    [InlineData("、、、")]
    [InlineData("")]
    [InlineData("对国家级、省级企业分别奖励")]
    public void Two_words_joined_once_and_text_without_lists_are_no_enumeration(string text)
    {
        Assert.Empty(Enumeration.Lists(text));
    }

    [Fact]
    public void Two_lists_in_one_text_are_read_apart()
    {
        var lists = Enumeration.Lists("对汽车、家电、家居等消费，对直播、电商、物流等企业").ToList();
        Assert.Equal(2, lists.Count);
        Assert.Equal(["汽车", "家电", "家居"], lists[0].Select(m => m.Text));
        Assert.Equal(["直播", "电商", "物流"], lists[1].Select(m => m.Text));
    }

    [Fact]
    public void Bigrams_inside_a_boilerplate_word_are_left_out_and_the_others_kept()
    {
        var words = Boilerplate.Parse("# comment\n给予 补贴 # trailing\n给予一次性\n");
        Assert.Equal(["给予一次性", "给予", "补贴"], words.Words);
        const string Text = "对消费券给予补贴";
        var counts = words.CountContent(Text, 0, Text.Length);
        var kept = counts.Keys.Select(Bigrams.Unpack).Order().ToList();

        // 给予 and 补贴 are boilerplate, and so is 予补 between them; 券给 joins a content word to one and is kept.
        Assert.Equal(new[] { "券给", "对消", "消费", "费券" }.Order(), kept);
        Assert.Equal(Bigrams.Count(Text, 0, Text.Length).Count, Boilerplate.None.CountContent(Text, 0, Text.Length).Count);
    }

    [Fact]
    public void The_shipped_boilerplate_holds_words_of_phrasing_only()
    {
        Assert.Contains("给予", Boilerplate.Default.Words);
        Assert.DoesNotContain("消费券", Boilerplate.Default.Words);
        Assert.All(Boilerplate.Default.Words, w => Assert.True(w.Length >= 2, w));
    }

    [Fact]
    public void Figures_given_respectively_count_for_the_members_of_the_list()
    {
        var figures = Figures("1.对首次认定的国家级、省级专精特新企业分别奖励50万元、20万元。");
        var fifty = Assert.Single(figures, f => f.Text.StartsWith("50", StringComparison.Ordinal));
        var twenty = Assert.Single(figures, f => f.Text.StartsWith("20", StringComparison.Ordinal));
        Assert.Contains("国家级", fifty.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("省级", fifty.Before, StringComparison.Ordinal);
        Assert.Contains("省级", twenty.Before, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_may_stand_in_the_clause_before_the_figures()
    {
        var figures = Figures("1.对首次获评国家级、省级的，分别奖励50万元、20万元。");
        Assert.Contains("省级", Assert.Single(figures, f => f.Text.StartsWith("20", StringComparison.Ordinal)).Before, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_without_a_list_of_as_many_members_keep_the_wording_of_their_clause()
    {
        // Three members, two figures: not read member by member.
        var figures = Figures("1.对国家级、省级、市级企业分别奖励50万元、20万元。");
        Assert.All(figures.Where(f => f.Text.EndsWith("万元", StringComparison.Ordinal)), f => Assert.DoesNotContain("国家级", f.Before, StringComparison.Ordinal));
    }

    [Fact]
    public void A_clause_before_opening_with_dui_is_the_figures_condition_unless_it_ends_with_a_figure_of_its_own()
    {
        var figures = Figures("1.对年营业收入首次突破1亿元的工业企业，一次性奖励20万元；对首次认定的国家级企业奖励100万元，省级企业奖励30万元。");
        Assert.Contains("首次突破", Assert.Single(figures, f => f.Text == "20万元").Before, StringComparison.Ordinal);
        Assert.DoesNotContain("国家级", Assert.Single(figures, f => f.Text == "30万元").Before, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clause_opening_with_dui_that_holds_a_grant_is_a_tier_of_its_own_and_a_threshold_in_it_keeps_it_a_condition()
    {
        // The rate is what the clause grants: the cap after it is the cap of that grant, not a figure given under it.
        var cap = Assert.Single(Figures("1.对新增首贷户给予贷款额1%的奖励，单户最高2万元。"), f => f.Text == "2万元");
        Assert.Equal(0, cap.Condition);
        Assert.DoesNotContain("首贷户", cap.Before, StringComparison.Ordinal);

        // 1亿元 names the class of firms (首次突破…的): the clause stays the reward's condition.
        var reward = Assert.Single(Figures("1.对年营业收入首次突破1亿元的工业企业，一次性奖励20万元。"), f => f.Text == "20万元");
        Assert.True(reward.Condition > 0);
        Assert.Equal("一次性奖励", reward.OwnBefore);
    }

    [Theory]
    [InlineData("1.对年度研发投入增长超过20%的企业，按增量部分的1倍给予奖励。", "1.对年度研发投入增长超过20%的企业，按增量部分的2倍给予奖励。", "倍", "按增量部分")] // the own clause, not the class of firms
    [InlineData("1.对企业引进的博士研究生，给予3000元生活补贴。", "1.对企业引进的博士研究生，给予5000元生活补贴。", "元", "生活补贴")] // what is granted, not the verb
    [InlineData("1.首次认定的，给予20万元奖励；重新认定的，给予10万元奖励。", "1.首次认定的，给予30万元奖励；重新认定的，给予10万元奖励。", "20万元", "首次认定")] // own clauses alike: the condition tells
    [InlineData("1.对年营业收入首次突破1亿元的工业企业，一次性奖励20万元。", "1.对年营业收入首次突破1亿元的工业企业，一次性奖励30万元。", "20万元", "对年营业收入首次突破")] // the own clause is boilerplate
    public void What_a_difference_counts_is_said_by_the_figures_own_clause_when_it_says_something_and_by_its_condition_otherwise(string a, string b, string unit, string what)
    {
        var x = Figures(a).First(f => f.Text.EndsWith(unit, StringComparison.Ordinal));
        var y = Figures(b).First(f => f.Start == x.Start || f.Before == x.Before);
        Assert.True(x.Condition > 0);
        Assert.Equal(what, FigureComparer.What(x, y));
    }

    [Fact]
    public void A_sentence_opening_clause_without_figures_is_a_quantitys_condition_and_not_a_times()
    {
        var figures = Figures("1.租赁标准厂房的企业，前三年按租金的50%给予补贴。加快推进项目建设，2023年6月30日前全部完工。");
        Assert.Contains("租赁标准厂房", Assert.Single(figures, f => f.Text == "50%").Before, StringComparison.Ordinal);
        Assert.DoesNotContain("项目建设", Assert.Single(figures, f => f.Kind == FigureKind.Time).Before, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_difference_counts_leaves_out_a_leading_de_and_calls_a_time_in_a_clause_of_its_own_the_deadline()
    {
        var months = (A: new Figure(FigureKind.Quantity, "3个月", 10, "免收", "的水电气报装费用", null, null), B: new Figure(FigureKind.Quantity, "6个月", 10, "免收", "的水电气报装费用", null, null));
        Assert.Equal("水电气报装费用", FigureComparer.What(months.A, months.B));
        var dates = (A: new Figure(FigureKind.Time, "2023年6月30日前", 0, "", "", null, null), B: new Figure(FigureKind.Time, "2023年9月30日前", 0, "", "", null, null));
        Assert.Equal("期限", FigureComparer.What(dates.A, dates.B));
    }

    [Theory]
    [InlineData("2023年力争新增高新技术企业", "2023年力争新增高新技术企业", "力争新增高新技术企业")] // the unit of the number before it
    [InlineData("对3—5个省级示范性专业点和", "建设1—2个省级示范性专业点和", "省级示范性专业点")] // a unit, and a joining word
    [InlineData("10亿元以上工业企业", "规模以上工业企业", "工业企业")] // the bound of another figure
    [InlineData("研发投入强度达", "全社会研发投入强度达", "研发投入强度")]
    [InlineData("年度目标任务", "年度目标任务", "年度目标任务")] // 年 with no number before it stays
    public void What_a_difference_counts_is_said_without_the_units_bounds_and_joining_words_around_the_shared_wording(string a, string b, string what)
    {
        var x = new Figure(FigureKind.Quantity, "1个", 0, a, string.Empty, null, null);
        var y = new Figure(FigureKind.Quantity, "2个", 0, b, string.Empty, null, null);
        Assert.Equal(what, FigureComparer.What(x, y));
    }

    [Theory]
    [InlineData("1.对年营业收入首次突破5亿元的企业奖励50万元。", "5亿元", true)] // a verb of reaching, then 的
    [InlineData("1.对年用电量在100万千瓦时以上的工业企业给予补贴。", "100万千瓦时以上", true)] // 以上的
    [InlineData("1.投资额5000万元（含）以上的项目优先支持。", "5000万元", true)] // a 含 in brackets aside
    [InlineData("1.可享受契税总额50%的补贴。", "50%", false)] // what is granted, not a class
    [InlineData("1.给予1万元的一次性奖励。", "1万元", false)]
    [InlineData("1.全年完成投资5亿元。", "5亿元", false)]
    public void A_threshold_names_a_class_of_beneficiaries_and_a_grant_is_no_threshold(string line, string figure, bool threshold)
    {
        var f = Assert.Single(Figures(line), f => f.Text.StartsWith(figure, StringComparison.Ordinal));
        Assert.Equal(threshold, Tiers.IsThreshold(f));
    }

    private static IReadOnlyList<Figure> Figures(string line)
    {
        var document = PolicyReader.Default.ReadText("t.txt", "关于支持企业发展的若干措施\n" + line + "（责任单位：区工信局）\n").Documents.OrderByDescending(d => d.Items.Count).First();
        var item = Assert.Single(document.Items);
        return FigureReader.Read(item, ComparedDocument.TextOf(item));
    }
}
