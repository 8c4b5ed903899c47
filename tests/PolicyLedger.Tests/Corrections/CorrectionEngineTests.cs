using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Tests.Corrections;

/// <summary>The correction engine on items made in the test: each kind of correction, and what orphans it.</summary>
public class CorrectionEngineTests
{
    private static readonly DocumentView Doc = new(1, 1, 0, 1, "甲〔2024〕1号", "甲〔2024〕1号", "甲〔2024〕1号", "通知", "a.txt", "某县", new DateOnly(2024, 3, 1), DateTimeOffset.UnixEpoch, 0, 10_000);

    private static UnitView U(string name) => new(name.Length, "某县/" + name, name, "某县", UnitKind.Department);

    private static ItemRole R(LedgerRole role, string name) => new(role, name, U(name));

    private static ReadItem Item(string id, string text, params ItemRole[] roles) =>
        new(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), id, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), ["一、总则"], text, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) * 100, 80, null, null, roles,
            [new ItemQuantity("500万元", "Money", 5_000_000m, "元")], [new ItemTime("2024年底前", null, new DateOnly(2024, 12, 31), null)]);

    private static readonly ReadItem[] Read =
    [
        Item("1", "实施城市更新行动，改造老旧小区20个。（牵头单位：县住建局，责任单位：县财政局）", R(LedgerRole.Lead, "县住建局"), R(LedgerRole.Responsible, "县财政局")),
        Item("2", "加强农村公路养护，完成危桥改造10座。（责任单位：县交通局）", R(LedgerRole.Responsible, "县交通局")),
        Item("3", "推进数字政府建设，政务服务事项全程网办率达到90%。13．完善社会救助体系，落实低保提标。（责任单位：县民政局）", R(LedgerRole.Responsible, "县民政局")),
        Item("4", "做好防汛抗旱工作。（责任单位：县水利局，配合单位：县应急局）", R(LedgerRole.Responsible, "县水利局"), R(LedgerRole.Cooperating, "县应急局")),
    ];

    private static long _next;

    private static CorrectionRecord C(CorrectionKind kind, ReadItem on, LedgerRole? role = null, string? value = null, string? newId = null, ItemAnchor? next = null, params string[] units) =>
        new(++_next, kind, new ItemAnchor(Doc.Key, null, on.Id, on.Number, on.Text), role, value,
            units.Select(u => new ItemRole(role ?? LedgerRole.Responsible, u, U(u), Corrected: true)).ToList(), newId, next, null, null, "张三", DateTimeOffset.UnixEpoch);

    private static DocumentCorrections Apply(params CorrectionRecord[] corrections) => CorrectionEngine.Apply(Doc, Read, corrections);

    private static EffectiveItem Only(DocumentCorrections result, string id) => Assert.Single(result.Items, e => e.Item.Id == id);

    [Fact]
    public void Without_corrections_the_items_are_the_reading()
    {
        var result = Apply();
        Assert.Equal(Read.Select(r => r.Id), result.Items.Select(e => e.Item.Id));
        Assert.All(result.Items, e => Assert.False(e.Corrected));
        Assert.Equal(new DateOnly(2024, 12, 31), result.Items[0].Deadline);
        Assert.Equal("500万元", result.Items[0].Target?.Text);
    }

    [Fact]
    public void Setting_a_role_replaces_that_role_only_and_records_before_and_after()
    {
        var result = Apply(C(CorrectionKind.SetRole, Read[0], LedgerRole.Lead, "县发展改革委、县住建局", units: ["县发展改革委", "县住建局"]));
        var item = Only(result, "1");
        Assert.Equal(["县发展改革委", "县住建局"], item.Item.MentionsIn(LedgerRole.Lead));
        Assert.Equal(["县财政局"], item.Item.MentionsIn(LedgerRole.Responsible));
        Assert.All(item.Item.Roles.Where(r => r.Role == LedgerRole.Lead), r => Assert.True(r.Corrected));
        var change = Assert.Single(item.Changes);
        Assert.Equal(("lead", "县住建局", "县发展改革委、县住建局"), (change.Field, change.Before, change.After));
        Assert.Equal(CorrectionState.Applied, Assert.Single(result.Outcomes).State);
    }

    [Fact]
    public void An_empty_list_clears_a_role()
    {
        var item = Only(Apply(C(CorrectionKind.SetRole, Read[3], LedgerRole.Cooperating, string.Empty)), "4");
        Assert.Empty(item.Item.MentionsIn(LedgerRole.Cooperating));
        Assert.Equal(["县水利局"], item.Item.MentionsIn(LedgerRole.Responsible));
    }

    [Fact]
    public void Adding_a_unit_moves_it_out_of_its_other_role_and_removing_takes_it_out()
    {
        var result = Apply(
            C(CorrectionKind.AddUnit, Read[3], LedgerRole.Lead, "县应急局", units: ["县应急局"]),
            C(CorrectionKind.RemoveUnit, Read[3], null, "县水利局", units: ["县水利局"]));
        var item = Only(result, "4");
        Assert.Equal([(LedgerRole.Lead, "县应急局")], item.Item.Roles.Select(r => (r.Role, r.Mention)));
        Assert.Equal(["add-lead", "remove"], item.CorrectedFields);
    }

    [Fact]
    public void Deadline_and_target_override_what_was_read()
    {
        var result = Apply(C(CorrectionKind.SetDeadline, Read[1], value: "2024-06-30"), C(CorrectionKind.SetTarget, Read[1], value: "12座"), C(CorrectionKind.SetDeadline, Read[0], value: "无"));
        var second = Only(result, "2");
        Assert.Equal((new DateOnly(2024, 6, 30), true), (second.Deadline, second.DeadlineCorrected));
        Assert.Equal(("12座", 12m, true), (second.Target!.Text, second.Target.Value, second.TargetCorrected));
        var first = Only(result, "1");
        Assert.Equal((null, true), (first.Deadline, first.DeadlineCorrected));
    }

    [Fact]
    public void Not_an_item_takes_the_item_out_and_orphans_later_corrections_of_it()
    {
        var result = Apply(C(CorrectionKind.NotAnItem, Read[1]), C(CorrectionKind.SetDeadline, Read[1], value: "2024-06-30"));
        Assert.Equal(["1", "3", "4"], result.Items.Select(e => e.Item.Id));
        Assert.Equal("2", Assert.Single(result.Removed).Item.Id);
        Assert.Equal([CorrectionState.Applied, CorrectionState.Orphaned], result.Outcomes.Select(o => o.State));
        Assert.Equal(CorrectionCodes.ItemRemoved, result.Outcomes[1].Problem?.Code);
    }

    [Fact]
    public void Merging_joins_text_units_and_figures_and_takes_the_next_item_out()
    {
        var next = new ItemAnchor(Doc.Key, null, "2", 2, Read[1].Text);
        var result = Apply(C(CorrectionKind.MergeNext, Read[0], next: next));
        var merged = Only(result, "1");
        Assert.Equal(Read[0].Text + Read[1].Text, merged.Item.Text);
        Assert.Equal(["县住建局", "县财政局", "县交通局"], merged.Item.Roles.Select(r => r.Mention));
        Assert.Equal(2, merged.Item.Quantities.Count);
        Assert.DoesNotContain(result.Items, e => e.Item.Id == "2");
        Assert.Equal("2", Assert.Single(result.Removed).Item.Id);
    }

    [Fact]
    public void A_merge_is_orphaned_when_the_next_item_is_another_now()
    {
        var next = new ItemAnchor(Doc.Key, null, "2", 2, "开展全民健身活动，新建健身步道5公里。（责任单位：县体育局）");
        var outcome = Assert.Single(Apply(C(CorrectionKind.MergeNext, Read[0], next: next)).Outcomes);
        Assert.Equal(CorrectionCodes.NextChanged, outcome.Problem?.Code);
        Assert.Contains("#2", outcome.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Splitting_at_a_number_mark_makes_that_item_and_gives_each_part_its_units()
    {
        var result = Apply(C(CorrectionKind.Split, Read[2], value: "13．完善社会救助体系"));
        Assert.Equal(["1", "2", "3", "13", "4"], result.Items.Select(e => e.Item.Id));
        var first = Only(result, "3");
        var second = Only(result, "13");
        Assert.Equal("推进数字政府建设，政务服务事项全程网办率达到90%。", first.Item.Text);
        Assert.StartsWith("完善社会救助体系", second.Item.Text, StringComparison.Ordinal);
        Assert.Equal((13, "split"), (second.Item.Number, second.Origin));
        Assert.Empty(first.Item.Roles);
        Assert.Equal(["县民政局"], second.Item.MentionsIn(LedgerRole.Responsible));
        Assert.Null(second.Item.LedgerItemId);
    }

    [Fact]
    public void Splitting_elsewhere_names_the_second_part_after_the_first()
    {
        var result = Apply(C(CorrectionKind.Split, Read[3], value: "（责任单位"));
        Assert.Equal(["1", "2", "3", "4", "4之二"], result.Items.Select(e => e.Item.Id));
    }

    [Fact]
    public void A_split_is_orphaned_when_its_point_is_gone_or_its_new_number_is_taken()
    {
        var gone = Apply(C(CorrectionKind.Split, Read[2], value: "14．发展文化旅游"));
        Assert.Equal(CorrectionCodes.SplitPointGone, Assert.Single(gone.Outcomes).Problem?.Code);
        var taken = Apply(C(CorrectionKind.Split, Read[2], value: "13．完善", newId: "2"));
        Assert.Equal(CorrectionCodes.IdTaken, Assert.Single(taken.Outcomes).Problem?.Code);
        Assert.Equal(4, taken.Items.Count);
    }

    [Fact]
    public void A_paragraph_taken_as_an_item_is_found_across_line_breaks_and_put_in_order()
    {
        var text = new string('　', 250) + "（五）加强组织\n领导，建立\r\n工作专班。" + new string('　', 100);
        var as_ = new CorrectionRecord(99, CorrectionKind.AsItem, new ItemAnchor(Doc.Key, null, "2之一", null, "加强组织领导，建立工作专班。"), null, null, [], null, null, null, null, "张三", DateTimeOffset.UnixEpoch);
        var result = CorrectionEngine.Apply(Doc, Read, [as_], text);
        Assert.Equal(["1", "2", "2之一", "3", "4"], result.Items.Select(e => e.Item.Id));
        var made = Only(result, "2之一");
        Assert.Equal(("as-item", "加强组织领导，建立工作专班。"), (made.Origin, made.Item.Text));
        Assert.Equal(text.IndexOf('加', StringComparison.Ordinal), made.Item.SpanStart);

        var missing = CorrectionEngine.Apply(Doc, Read, [as_], new string('　', 300));
        Assert.Equal(CorrectionCodes.ParagraphGone, Assert.Single(missing.Outcomes).Problem?.Code);
    }

    [Fact]
    public void Corrections_of_a_renumbered_item_follow_it_and_of_a_deleted_item_are_orphaned()
    {
        var lead = C(CorrectionKind.SetRole, Read[1], LedgerRole.Lead, "县公路局", units: ["县公路局"]);
        var gone = C(CorrectionKind.SetDeadline, Read[2], value: "2024-09-30");
        ReadItem[] next = [Read[0] with { Id = "1" }, Item("2", "新增：开展全民健身活动，新建健身步道5公里。（责任单位：县体育局）"), Read[1] with { Id = "3", Number = 3 }, Read[3] with { Id = "4" }];
        var result = CorrectionEngine.Apply(Doc, next, [lead, gone]);
        Assert.Equal(["县公路局"], Only(result, "3").Item.MentionsIn(LedgerRole.Lead));
        Assert.Empty(Only(result, "2").Item.MentionsIn(LedgerRole.Lead));
        var outcomes = result.Outcomes.ToDictionary(o => o.CorrectionId);
        Assert.Equal((CorrectionState.Applied, "甲〔2024〕1号#3", MatchHow.Renumbered), (outcomes[lead.Id].State, outcomes[lead.Id].ItemKey, outcomes[lead.Id].How));
        Assert.Equal(CorrectionState.Orphaned, outcomes[gone.Id].State);
        Assert.Equal("3", outcomes[lead.Id].Found?.ItemId);
    }
}
