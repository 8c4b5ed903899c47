using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

/// <summary>Jurisdictions as the scope of supervision: names that mean several units, bulletins of one body, a saved default.</summary>
public class ScopeTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");
    private static readonly DateOnly July10 = new(2024, 7, 10);

    internal static async Task<TrackingLedger> ThreePlacesAsync(string? postgres = null)
    {
        var l = await TrackingLedger.CreateAsync(postgres);
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "甲一", ["财政局"], null), ("2", "甲二", ["发展改革委", "财政局"], null), ("3", "甲三", ["人社局"], null)], jurisdiction: "甲市", docNumber: "甲政〔2024〕1号");
        await l.AddDocumentAsync("/nowhere/b.txt", "乙县2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "乙一", ["财政局"], null), ("2", "乙二", ["发展改革委"], null)], jurisdiction: "乙县", docNumber: "乙政〔2024〕2号");
        await l.AddDocumentAsync("/nowhere/c.txt", "丙区2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "丙一", ["发展改革委"], null)], jurisdiction: "丙区", docNumber: "丙政〔2024〕3号");
        return l;
    }

    [Fact]
    public async Task A_name_that_means_several_units_is_an_error_listing_them_with_their_jurisdictions()
    {
        await using var l = await ThreePlacesAsync();
        var status = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(TrackingScope.Default, July10, "财政局"));
        Assert.Equal(("PL-S01", ProblemKind.Invalid), (status.Problem!.Code, status.Problem.Kind));
        Assert.Contains("财政局（甲市，编号 甲市/财政局）", status.Problem.Message, StringComparison.Ordinal);
        Assert.Contains("财政局（乙县，编号 乙县/财政局）", status.Problem.Message, StringComparison.Ordinal);

        var form = await l.Get<FormService>().FormAsync(l.Admin, "财政局", Q2);
        Assert.Equal("PL-S01", form.Problem!.Code);

        // A key always works; a jurisdiction makes the name one unit; status and form then agree.
        var byKey = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(TrackingScope.Default, July10, "甲市/财政局"));
        var inScope = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(new TrackingScope("甲市"), July10, "财政局"));
        var formInScope = await l.Get<FormService>().FormAsync(l.Admin, "财政局", Q2, new TrackingScope("甲市"));
        Assert.Equal(["甲政〔2024〕1号#1", "甲政〔2024〕1号#2"], byKey.Value!.Rows.Select(r => r.Item.Key));
        Assert.Equal(byKey.Value.Rows.Select(r => r.Item.Key), inScope.Value!.Rows.Select(r => r.Item.Key));
        Assert.Equal(byKey.Value.Rows.Select(r => r.Item.Key), formInScope.Value!.Items.Select(i => i.ItemKey));
        Assert.Equal("甲市/财政局", formInScope.Value.UnitKey);

        Assert.Equal("PL-S02", (await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(TrackingScope.Default, July10, "无此局"))).Problem!.Code);

        // A unit of the ledger with no row in the scope is not called unknown: the scope has no such lead or responsible unit.
        var elsewhere = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(new TrackingScope("乙县"), July10, "甲市/人社局"));
        Assert.Equal("PL-S02", elsewhere.Problem!.Code);
        Assert.Contains("所选范围内没有名称或编号为“甲市/人社局”的牵头或责任单位", elsewhere.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulletin_covers_one_jurisdiction_and_never_adds_up_bodies_of_one_name()
    {
        await using var l = await ThreePlacesAsync();
        var bulletins = l.Get<BulletinService>();
        var all = await bulletins.BulletinAsync(l.Admin, new BulletinRequest(Q2, TrackingScope.Default, July10, null, "督查室", ["各单位"]));
        Assert.Equal("PL-S03", all.Problem!.Code);
        Assert.All(["甲市", "乙县", "丙区"], j => Assert.Contains(j, all.Problem.Message, StringComparison.Ordinal));

        var jia = await bulletins.BulletinAsync(l.Admin, new BulletinRequest(Q2, new TrackingScope("甲市"), July10, null, "督查室", ["各单位"]));
        Assert.Equal(3, jia.Value!.Total);
        var ndrc = Assert.Single(jia.Value.Units, u => u.Unit.Name == "发展改革委");
        Assert.Equal((1, "甲市/发展改革委"), (ndrc.Items, ndrc.Unit.Key));
        Assert.Equal(2, jia.Value.Units.Single(u => u.Unit.Name == "财政局").Items);
        Assert.Contains("甲市2024年第二季度", BulletinText.Opening(jia.Value), StringComparison.Ordinal);

        var byDocument = await bulletins.BulletinAsync(l.Admin, new BulletinRequest(Q2, new TrackingScope(Document: "乙政[2024]2号"), July10, null, "督查室", ["各单位"]));
        Assert.Equal(2, byDocument.Value!.Total);
        Assert.Equal("乙政〔2024〕2号", byDocument.Value.Scope);
    }

    [Fact]
    public void A_document_without_a_place_is_said_to_have_no_known_jurisdiction_not_left_blank()
    {
        var problem = Problems.SeveralJurisdictions(["", "甲市"]);
        Assert.Contains("（辖区不明、甲市）", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("（、", problem.Message, StringComparison.Ordinal);
        Assert.Equal("乙县", Problems.JurisdictionName("乙县", english: false));
        Assert.Equal("(jurisdiction not known)", Problems.JurisdictionName(" ", english: true));
    }

    [Fact]
    public async Task A_saved_default_scope_is_used_when_none_is_given()
    {
        await using var l = await ThreePlacesAsync();
        Assert.Equal("PL-S04", (await l.Get<ScopeService>().SaveDefaultAsync(l.Admin, new TrackingScope("丁市"))).Problem!.Code);
        Assert.True((await l.Get<ScopeService>().SaveDefaultAsync(l.Admin, new TrackingScope("乙县"))).Ok);
        var rows = await l.StatusAsync(July10);
        Assert.All(rows, r => Assert.Equal("乙县", r.Item.Jurisdiction));
        Assert.Equal(2, rows.Count);
        var bulletin = await l.Get<BulletinService>().BulletinAsync(l.Admin, new BulletinRequest(Q2, TrackingScope.Default, July10, null, "督查室", ["各单位"]));
        Assert.Equal("乙县", bulletin.Value!.Scope);
        Assert.Contains(l.Db.AuditLog, a => a.Entity == "settings" && a.Actor == "tester");

        Assert.True((await l.Get<ScopeService>().SaveDefaultAsync(l.Admin, TrackingScope.Default)).Ok);
        Assert.Equal(6, (await l.StatusAsync(July10)).Count);
    }

    [Fact]
    public async Task A_jurisdiction_is_matched_whole_or_by_a_unique_part()
    {
        await using var l = await ThreePlacesAsync();
        Assert.Equal(3, (await l.StatusAsync(July10, new TrackingScope("甲"))).Count);
        var missing = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(new TrackingScope("丁市"), July10));
        Assert.Contains("甲市", missing.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal("PL-S06", (await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(new TrackingScope(Document: "无此文"), July10))).Problem!.Code);
    }
}
