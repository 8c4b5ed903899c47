using PolicyLedger.Benefits.Places;
using PolicyLedger.Benefits.Tests.Support;

namespace PolicyLedger.Benefits.Tests;

/// <summary>The shipped gazetteer and terms: how places and free-text facts of scenarios are understood.</summary>
public sealed class PlacesAndTermsTests
{
    private static PlaceBook Places => RuleFiles.Rules.Places;

    private static TermBook Terms => RuleFiles.Rules.Terms;

    [Theory]
    [InlineData("焦作市温县", "焦作市", true)]
    [InlineData("温县县城 (温泉街道)", "焦作城区", false)]
    [InlineData("焦作市山阳区", "焦作城区", true)]
    [InlineData("中站区", "焦作城区", true)]
    [InlineData("马村区", "焦作市", true)]
    [InlineData("孟州市", "焦作城区", false)]
    [InlineData("沁阳", "焦作市", true)]
    [InlineData("济源", "济源示范区", true)]
    [InlineData("济源市克井镇", "济源示范区", true)]
    [InlineData("济源示范区", "焦作市", false)]
    [InlineData("新乡市红旗区", "红旗区", true)]
    [InlineData("新乡市卫滨区", "红旗区", false)]
    [InlineData("灵宝市", "三门峡市", true)]
    [InlineData("郑州市", "河南省", true)]
    [InlineData("郑州市", "三门峡市", false)]
    [InlineData("上海市", "河南省", false)]
    [InlineData("", "河南省", false)]
    public void Places_lie_inside_the_places_above_them(string text, string area, bool inside) =>
        Assert.Equal(inside, Places.Within(Places.Resolve(text), [area]));

    [Fact]
    public void A_profile_place_resolves_to_its_most_specific_part()
    {
        var place = Places.Resolve(new Dictionary<string, object?> { ["province"] = "河南省", ["city"] = "焦作市", ["district"] = "武陟县" });
        Assert.Equal("武陟县", place.Name);
        Assert.Equal("焦作市", place.At(1));
        Assert.Equal("焦作市武陟县", place.ToString());
    }

    [Theory]
    [InlineData("小型", "小微", true)]
    [InlineData("micro", "小微", true)]
    [InlineData("中型", "小微", false)]
    [InlineData("中型", "中小微", true)]
    [InlineData("大型", "中小微", false)]
    [InlineData("造纸和纸制品业 (manufacturing)", "工业", true)]
    [InlineData("家政服务 (service)", "工业", false)]
    [InlineData("家政服务 (service)", "服务业", true)]
    [InlineData("食品加工", "工业", true)]
    [InlineData("房地产开发", "房地产或金融", true)]
    [InlineData("new commercial housing (新建商品住房) with 商品房预售许可证", "新建商品住房", true)]
    [InlineData("二手住房", "新建商品住房", false)]
    [InlineData("新建商业用房（商铺）", "新建商品住房", false)]
    [InlineData("新建商业用房（商铺）", "商业用房", true)]
    [InlineData("2022届高校毕业生（毕业年度，此前未就业）", "毕业年度高校毕业生", true)]
    [InlineData("graduated 2019, employed elsewhere until 2022-07, never registered unemployed", "离校1年内未就业高校毕业生", false)]
    [InlineData("graduated 2019, employed elsewhere until 2022-07, never registered unemployed", "登记失业", false)]
    [InlineData("登记失业半年以上人员（登记失业8个月）", "登记失业半年以上", true)]
    [InlineData("登记失业3个月", "登记失业半年以上", false)]
    [InlineData("市事管局（国有资产）", "国有资产类经营用房", true)]
    [InlineData("非国有房屋", "国有资产类经营用房", false)]
    [InlineData("受疫情影响未能及时缴费", "疫情影响", true)]
    [InlineData("资金周转困难", "疫情影响", false)]
    [InlineData("焦作市创业大赛二等奖", "市级以上荣誉", true)]
    [InlineData("温县优秀青年", "市级以上荣誉", false)]
    [InlineData("female", "女性", true)]
    [InlineData("男", "女性", false)]
    public void Terms_read_the_words_scenarios_use(string text, string term, bool says) =>
        Assert.Equal(says, Terms.Says(text, term));

    [Fact]
    public void A_list_says_a_term_when_one_of_its_texts_does() =>
        Assert.True(Terms.Says(new List<object?> { "water", "electricity" }, "水或气"));
}
