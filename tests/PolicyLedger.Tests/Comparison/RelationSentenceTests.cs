using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Reading;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// Relations read sentence by sentence: a sentence of one side whose counterpart (its most similar sentence, and the
/// other's most similar) stands on the other side is never new, however differently it is worded; only sentences with
/// no counterpart that the other side mostly lacks make a side cover more.
/// </summary>
[Collection(ComparisonCollection.Name)]
public class RelationSentenceTests
{
    private const string Others = """
        2.分三批发放总额2000万元的餐饮、零售电子消费券，重点向中小商户倾斜。（责任单位：区商务局）
        3.建立企业诉求“直通车”机制，对企业反映的问题实行台账管理，限时办结。（责任单位：区营商环境办）
        4.开发公益性岗位，优先安置就业困难人员和零就业家庭成员。（责任单位：区人力资源和社会保障局）
        """;

    [Theory]
    // One sentence reworded end to end: the same measure.
    [InlineData("对小微企业新增的普惠贷款给予贴息，贴息期限不超过一年。",
        "小微企业新发放的普惠贷款，由财政按年利率给予贴息，贴息不超过一年。", "same")]
    [InlineData("对承租国有房屋的个体工商户和小微企业减免租金。",
        "个体工商户和小微企业租用国有房屋经营的，免收房租。", "same")]
    // Two sentences, each reworded and in the other order: still the same.
    [InlineData("对吸纳高校毕业生就业的中小企业给予一次性吸纳就业补贴。组织开展线上线下专场招聘活动。",
        "举办高校毕业生线上线下专场招聘会。中小企业招用高校毕业生的，发放一次性吸纳就业补贴。", "same")]
    // A reworded sentence and a sub-measure of its own: B covers more.
    [InlineData("对小微企业新增的普惠贷款给予贴息，贴息期限不超过一年。",
        "小微企业新发放的普惠贷款，由财政按年利率给予贴息，贴息不超过一年。对首次获得银行贷款的个体工商户，给予一次性创业担保补助。", "broadened")]
    // The other way round: A's second sub-measure has no counterpart in B.
    [InlineData("对新购新能源汽车的个人消费者给予购车补贴。对新建充电桩的运营企业按投资额给予建设补助。",
        "个人消费者购买新能源汽车的，发放购车补贴。", "narrowed")]
    public void Sentences_with_a_counterpart_are_never_new(string a, string b, string relation)
    {
        var comparison = ComparisonService.Default.Compare(Read("A", a), Read("B", b));
        var pair = Assert.Single(comparison.Pairs, p => p.A.Number == 1);
        Assert.Equal([1], pair.B.Select(x => x.Number!.Value));
        Assert.Equal(relation, Labels.Code(pair.Relation));
    }

    /// <summary>
    /// scope.md #2: a short sentence added to a long measure is detail (less than a quarter of the side's content), a
    /// sentence that is half of a short measure a sub-measure. With <see cref="ComparisonOptions.DetailShare"/> at 0 every
    /// new sentence counts, and the long measures with a detail added are read as broadened and narrowed.
    /// </summary>
    [Fact]
    public void A_short_sentence_added_to_a_long_measure_is_detail_and_half_of_a_short_one_is_a_sub_measure()
    {
        var example = ComparisonSpecs.Load("scope.md")[1];
        string Relations(ComparisonService service)
        {
            var comparison = service.Compare(example.ReadA(), example.ReadB());
            return string.Join(" ", comparison.Pairs.OrderBy(p => p.A.Number).Select(p => $"{p.A.Number}:{Labels.Code(p.Relation)}"));
        }

        Assert.Equal("1:same 2:same 3:narrowed 4:broadened", Relations(ComparisonService.Default));
        Assert.Equal("1:broadened 2:narrowed 3:narrowed 4:broadened", Relations(new ComparisonService(new ComparisonOptions { DetailShare = 0 })));
    }

    private static ComparedDocument Read(string side, string first)
    {
        var text = $"{side}区若干措施\n\n一、措施\n1.{first}（责任单位：区财政局）\n{Others.Replace("区", side + "区", StringComparison.Ordinal)}\n";
        var document = PolicyReader.Default.ReadText(side, text).Documents.OrderByDescending(d => d.Items.Count).First();
        Assert.Equal(4, document.Items.Count);
        return ComparedDocument.From(document, side);
    }
}
