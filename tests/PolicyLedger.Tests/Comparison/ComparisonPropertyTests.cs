using CsCheck;
using PolicyLedger.Comparison;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Tests.Comparison;

/// <summary>What holds for every comparison, whatever the documents: each item is accounted for once, a document
/// compared with itself pairs every item with itself, and odd input (no items, one item, the same text twice) never
/// throws.</summary>
[Collection(ComparisonCollection.Name)]
public class ComparisonPropertyTests
{
    private static readonly string[] Phrases =
    [
        "对新购新能源汽车给予补贴", "发放餐饮消费券", "支持商场举办夜间消费活动", "对旅行社给予奖励", "对规模以上工业企业一次性奖励",
        "对小微企业普惠贷款贴息", "降低融资担保费率", "减免国有房屋租金", "建立企业诉求直通车机制", "发放一次性吸纳就业补贴",
        "开展职业技能培训", "开发公益性岗位", "建设社区养老服务设施", "发放高龄津贴", "实施适老化改造", "建设海外仓",
        "补助境外展会展位费", "推进高标准农田建设", "加快充电基础设施建设", "培育专精特新企业",
    ];

    private static readonly Gen<string> Task =
        Gen.Select(Gen.Int[0, Phrases.Length - 1].Array[1, 3], Gen.Int[1, 999], (p, n) => string.Join("，", p.Select(k => Phrases[k])) + $"，全年完成{n}个。");

    private static readonly Gen<List<string>> Document = Task.List[0, 25];

    [Fact]
    public void Every_item_is_paired_or_on_its_side_only_and_scores_are_cosines()
    {
        Gen.Select(Document, Document).Sample((a, b) =>
        {
            var (x, y) = (Make("A", a), Make("B", b));
            var c = ComparisonService.Default.Compare(x, y);
            foreach (var item in x.Items)
            {
                var paired = c.Pairs.Count(p => ReferenceEquals(p.A, item));
                var alone = c.OnlyInA.Count(i => ReferenceEquals(i, item));
                Assert.Equal(1, paired + alone);
            }

            foreach (var item in y.Items)
            {
                var paired = c.Pairs.Any(p => p.B.Any(i => ReferenceEquals(i, item)));
                Assert.NotEqual(paired, c.OnlyInB.Any(i => ReferenceEquals(i, item)));
            }

            Assert.All(c.Pairs, p =>
            {
                Assert.InRange(p.Score, 0, 1 + 1e-9);
                Assert.NotEmpty(p.Links);
                Assert.All(p.Differences, d => Assert.Contains(p.B, i => ReferenceEquals(i, d.BItem)));
                Assert.Equal(p.Differences.Count > 0, p.Relation == Relation.ChangedFigure);
            });
        }, iter: 150);
    }

    [Fact]
    public void A_document_compared_with_itself_pairs_every_item_with_itself()
    {
        foreach (var example in ComparisonSpecs.All())
        {
            foreach (var document in new[] { example.ReadA(), example.ReadB() })
            {
                var c = ComparisonService.Default.Compare(document, document);
                Assert.Empty(c.OnlyInA);
                Assert.Empty(c.OnlyInB);
                Assert.All(c.Pairs, p =>
                {
                    Assert.Same(p.A, Assert.Single(p.B));
                    Assert.Equal(Relation.Same, p.Relation);
                    Assert.Empty(p.Differences);
                });
            }
        }
    }

    [Fact]
    public void Documents_without_items_or_with_one_item_compare_without_error()
    {
        var empty = new ComparedDocument("空", null, []);
        var one = Make("一", ["发放餐饮消费券，全年发放100万元。"]);
        Assert.Empty(ComparisonService.Default.Compare(empty, empty).Pairs);
        Assert.Equal(one.Items, ComparisonService.Default.Compare(one, empty).OnlyInA);
        Assert.Equal(one.Items, ComparisonService.Default.Compare(empty, one).OnlyInB);
        Assert.Single(ComparisonService.Default.Compare(one, one).Pairs);
        var multi = ComparisonService.Default.Compare([empty, one, empty]);
        Assert.Single(multi.Rows);
        Assert.Throws<ArgumentException>(() => ComparisonService.Default.Compare([one]));
    }

    [Fact]
    public void The_same_measure_twice_in_one_document_is_paired_once()
    {
        var a = Make("A", ["发放餐饮消费券，全年发放100万元。", "发放餐饮消费券，全年发放100万元。", "开发公益性岗位200个。"]);
        var b = Make("B", ["发放餐饮消费券，全年发放100万元。", "开发公益性岗位200个。"]);
        var c = ComparisonService.Default.Compare(a, b);
        Assert.Contains(c.Pairs, p => p.A.Number == 3 && p.B.Single().Number == 2);
        Assert.Single(c.Pairs, p => p.B.Any(i => i.Number == 1) && p.A.Number is 1 or 2);
    }

    private static ComparedDocument Make(string name, IReadOnlyList<string> tasks)
    {
        var text = string.Concat(tasks.Select((t, i) => $"{i + 1}.{t}（责任单位：区商务局）\n"));
        var items = tasks.Count == 0 ? [] : PolicyReader.Default.ReadText(name, text).Documents.SelectMany(d => d.Items).ToList();
        Assert.Equal(tasks.Count, items.Count);
        return new ComparedDocument(name, null, items);
    }
}
