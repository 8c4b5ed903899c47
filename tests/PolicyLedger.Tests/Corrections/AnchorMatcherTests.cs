using CsCheck;
using PolicyLedger.Ledger.Corrections;

namespace PolicyLedger.Tests.Corrections;

/// <summary>How a correction's anchor finds its item in a new reading: one case per line, then properties over random and real documents.</summary>
public class AnchorMatcherTests
{
    private const string A = "对新招用登记失业人员的小微企业给予每人1000元一次性吸纳就业补贴。（牵头单位：示范区人力资源和社会保障局）";
    private const string B = "加快公共领域车辆电动化替代，完善公用充电基础设施布局，推动充电设施向干线公路服务区延伸。（责任单位：示范区交通运输局）";
    private const string C = "鼓励金融机构对受疫情影响的市场主体延期还本付息，全年新增普惠小微贷款50亿元以上。（责任单位：示范区财政金融局）";
    private const string D = "开展“爱心消费券”发放活动，为符合条件的城乡低保对象、特困人员每人发放300元消费券。（责任单位：示范区民政局）";

    private static AnchorBinding Bind(string id, string text, params (string Id, string Text)[] items) =>
        AnchorMatcher.Bind([new ItemAnchor("甲〔2024〕1号", null, id, int.TryParse(id, out var n) ? n : null, text)], items.Select(i => new MatchCandidate(i.Id, i.Text)).ToList())[0];

    private static void AssertFound(AnchorBinding binding, int index, MatchHow how)
    {
        Assert.True(binding.Found, binding.Problem?.ToString());
        Assert.Equal((index, how), (binding.Index!.Value, binding.How));
    }

    private static void AssertOrphaned(AnchorBinding binding, string code)
    {
        Assert.False(binding.Found, $"bound to {binding.Index}");
        Assert.Equal(code, binding.Problem!.Code);
    }

    [Fact] public void Same_number_same_text() => AssertFound(Bind("2", B, ("1", A), ("2", B), ("3", C)), 1, MatchHow.Same);

    [Fact] public void Same_text_under_a_new_number_after_an_insertion() => AssertFound(Bind("2", B, ("1", A), ("2", D), ("3", B), ("4", C)), 2, MatchHow.Renumbered);

    [Fact] public void Same_text_under_a_new_number_after_a_deletion() => AssertFound(Bind("3", C, ("1", A), ("2", C)), 1, MatchHow.Renumbered);

    [Fact] public void Whitespace_punctuation_and_widths_do_not_make_text_different() =>
        AssertFound(Bind("2", B, ("1", A), ("2", B.Replace("，", ",", StringComparison.Ordinal).Replace("。", " . ", StringComparison.Ordinal).Replace("1", "１", StringComparison.Ordinal))), 1, MatchHow.Same);

    [Fact] public void A_changed_figure_under_the_same_number_is_the_item_reworded() =>
        AssertFound(Bind("1", A, ("1", A.Replace("1000元", "2000元", StringComparison.Ordinal)), ("2", B)), 0, MatchHow.Reworded);

    [Fact] public void A_sentence_added_under_the_same_number_is_the_item_reworded() =>
        AssertFound(Bind("3", C, ("1", A), ("2", B), ("3", C.Replace("全年", "引导银行降低贷款利率，全年", StringComparison.Ordinal))), 2, MatchHow.Reworded);

    [Fact] public void Reworded_and_renumbered_is_found_when_very_similar() =>
        AssertFound(Bind("1", A, ("1", D), ("2", A.Replace("1000元", "1500元", StringComparison.Ordinal))), 1, MatchHow.RenumberedAndReworded);

    [Fact] public void A_deleted_item_is_orphaned_naming_the_closest_item() => Assert.Contains("#3", AssertGone(Bind("2", B, ("1", A), ("3", C))), StringComparison.Ordinal);

    private static string AssertGone(AnchorBinding binding)
    {
        AssertOrphaned(binding, CorrectionCodes.ItemGone);
        return binding.Problem!.Message;
    }

    [Fact] public void A_rewritten_item_under_the_same_number_is_a_change_beyond_recognition() =>
        AssertOrphaned(Bind("2", B, ("1", A), ("2", B[..30] + "同时开展道路安全隐患排查整治，确保群众出行安全。")), CorrectionCodes.ItemChanged);

    [Fact] public void Another_measure_under_the_same_number_means_the_item_is_gone() => AssertOrphaned(Bind("2", B, ("1", A), ("2", C)), CorrectionCodes.ItemGone);

    [Fact] public void A_document_with_no_items_leaves_the_anchor_orphaned() => AssertOrphaned(Bind("2", B), CorrectionCodes.ItemGone);

    [Fact] public void Of_two_items_with_the_same_text_the_one_with_the_same_number_is_taken() => AssertFound(Bind("3", B, ("2", B), ("3", B)), 1, MatchHow.Same);

    [Fact] public void Two_items_with_the_same_text_and_neither_number_is_ambiguous() => AssertOrphaned(Bind("9", B, ("2", B), ("3", B)), CorrectionCodes.Ambiguous);

    [Fact] public void A_moderately_reworded_item_under_another_number_is_not_taken() =>
        Assert.Contains("#2", AssertGone(Bind("1", A, ("1", D), ("2", A[..30] + "并对吸纳高校毕业生的企业同样给予补贴，所需资金由财政统筹安排。"))), StringComparison.Ordinal);

    [Fact]
    public void Two_anchors_never_take_one_item()
    {
        var reworded = A.Replace("1000元", "1200元", StringComparison.Ordinal);
        var anchors = new[] { new ItemAnchor("甲", null, "1", 1, A), new ItemAnchor("甲", null, "7", 7, reworded) };
        var bindings = AnchorMatcher.Bind(anchors, [new MatchCandidate("1", reworded), new MatchCandidate("2", B)]);
        Assert.Equal((0, MatchHow.Renumbered), (bindings[1].Index, bindings[1].How));
        Assert.Equal(CorrectionCodes.Taken, bindings[0].Problem?.Code);
    }

    /// <summary>Two measures written from one template: the same sentence for another group and figure.</summary>
    private static readonly string Sibling = A.Replace("登记失业人员", "高校毕业生", StringComparison.Ordinal).Replace("1000元", "1500元", StringComparison.Ordinal).Replace("小微企业", "中小企业", StringComparison.Ordinal);

    [Fact]
    public void A_template_sibling_under_another_number_is_not_taken_for_a_deleted_item()
    {
        Assert.InRange(PolicyLedger.Reading.Text.TextSimilarity.Dice(A, Sibling), AnchorMatcher.SameIdThreshold, AnchorMatcher.MovedThreshold);
        AssertOrphaned(Bind("1", A, ("2", Sibling), ("3", B)), CorrectionCodes.ItemGone);
    }

    [Fact]
    public void The_next_item_moving_into_a_deleted_items_number_is_not_taken_for_it()
    {
        // Item 1 deleted: its sibling, item 2, is now item 1. Same number, similar text — but it is the old next item.
        var anchor = new ItemAnchor("甲", null, "1", 1, A).Around([A, Sibling, B], 0);
        var binding = AnchorMatcher.Bind([anchor], [new MatchCandidate("1", Sibling), new MatchCandidate("2", B)])[0];
        AssertOrphaned(binding, CorrectionCodes.ItemGone);
        Assert.Contains("原来的另一项", binding.Problem!.Message, StringComparison.Ordinal);

        // Without the neighbour's fingerprint the same number and a similar text would take it.
        Assert.True(AnchorMatcher.Bind([anchor with { NextFingerprint = null }], [new MatchCandidate("1", Sibling)])[0].Found);
    }

    private static readonly Gen<string> Sentence = Gen.String[Gen.Char["对新招用登记失业人员的小微企业给予每人一次性吸纳就业补贴加快公共领域车辆电动化替代完善公用充电基础设施布局推动鼓励金融机构市场主体延期还本付息全年新增普惠贷款亿元以上开展爱心消费券发放活动符合条件城乡低保特困各镇人民政府街道办事处牵头单位责任配合"], 40, 120];

    [Fact]
    public void Property_no_anchor_lands_on_another_item_after_insertions_deletions_and_rewording()
    {
        Gen.Select(Sentence.Array[3, 30], Sentence, Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((items, inserted, insertAt, deleteAt, rewordAt) =>
        {
            var distinct = items.Distinct().ToList();
            var anchors = distinct.Select((t, i) => new ItemAnchor("甲", null, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i + 1, t)).ToList();

            // The new version: one item deleted, one reworded (a tenth of its text replaced), a new one inserted; renumbered.
            var origin = Enumerable.Range(0, distinct.Count).Select(i => (int?)i).ToList();
            var texts = distinct.ToList();
            var reworded = rewordAt % texts.Count;
            var t = texts[reworded];
            texts[reworded] = t[..(t.Length * 9 / 10)] + new string('新', t.Length - (t.Length * 9 / 10));
            var deleted = deleteAt % texts.Count;
            texts.RemoveAt(deleted);
            origin.RemoveAt(deleted);
            var at = insertAt % (texts.Count + 1);
            texts.Insert(at, inserted);
            origin.Insert(at, null);
            var candidates = texts.Select((x, i) => new MatchCandidate((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), x)).ToList();

            var bindings = AnchorMatcher.Bind(anchors, candidates);
            for (var a = 0; a < anchors.Count; a++)
            {
                if (bindings[a].Index is { } found)
                {
                    Assert.True(origin[found] == a, $"anchor {a + 1} landed on new item {found + 1}, which came from {(origin[found] is { } o ? o + 1 : "the insertion")}");
                }
                else
                {
                    // Orphaned only when deleted: unchanged items and the reworded one (a tenth changed) are found.
                    Assert.True(a == deleted, $"anchor {a + 1} orphaned: {bindings[a].Problem}");
                }
            }
        }, iter: 300);
    }
}
