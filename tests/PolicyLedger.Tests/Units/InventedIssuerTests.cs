using System.Text;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Units;

/// <summary>
/// One set of clauses under many issuers the built-in data does not know (a county, a new district, a development
/// zone, a town, a sub-district, a district named with its city, a city …): each must give the same partition of the
/// mentions into units, as the seeds' places do. The clauses are written with the place's own forms — {P} its name
/// (某某县), {S} the mark it writes for itself (县), {U} the mark of the level above (市) — with and without the
/// prefix, the prefix dropped after the first unit of a list, short and full names, a name written in full and later
/// short (交建局), and a piece of a sentence that is no unit. Each document carries a number whose mark no data knows.
/// </summary>
public sealed class InventedIssuerTests
{
    /// <summary>An invented issuer: the place's name as written before its units, the mark it writes for itself, the mark of the level above.</summary>
    public sealed record Place(string Issuer, string Name, string Self, string Up);

    public static readonly Place[] Places =
    [
        new("云岭县人民政府", "云岭县", "县", "市"),
        new("中共云岭县委", "云岭县", "县", "市"),
        new("某某县人民政府", "某某县", "县", "市"),
        new("鹭湾新区管理委员会", "鹭湾新区", "新区", "市"),
        new("鹭湾新区管委会办公室", "鹭湾新区", "区", "市"),
        new("棠梨开发区管委会", "棠梨开发区", "开发区", "市"),
        new("棠梨高新技术产业开发区管理委员会", "棠梨高新技术产业开发区", "区", "市"),
        new("青川市北岸区人民政府", "北岸区", "区", "市"),
        new("北岸区人民政府办公室", "北岸区", "区", "市"),
        new("某某市某某区人民政府", "某某区", "区", "市"),
        new("松溪镇人民政府", "松溪镇", "镇", "县"),
        new("云岭县松溪镇人民政府", "松溪镇", "镇", "县"),
        new("湄江乡人民政府", "湄江乡", "乡", "县"),
        new("桐花街道办事处", "桐花街道", "街道", "区"),
        new("北岸区桐花街道办事处", "桐花街道", "街道", "区"),
        new("青川市人民政府", "青川市", "市", "省"),
        new("青川市人民政府办公室", "青川市", "市", "省"),
    ];

    /// <summary>The clauses, in reading order: each mention with the label of the unit it must be (equal labels, one unit).</summary>
    private static readonly (string Mention, string Unit)[][] Clauses =
    [
        [("{P}财政局", "财政"), ("{S}商务局", "商务"), ("民政局", "民政")],
        [("财政局", "财政"), ("{S}商务局", "商务")],
        [("{S}财政局", "财政"), ("商务局", "商务"), ("民政局", "民政")],
        [("{U}财政局", "上级财政"), ("商务局", "上级商务")],
        [("{U}财政局", "上级财政")],
        [("{S}民政局", "民政"), ("{U}商务局", "上级商务"), ("财政局", "上级财政")],
        [("{S}发展和改革委员会", "发改"), ("{S}人社局", "人社"), ("{S}住建局", "住建")],
        [("发改委", "发改"), ("人力资源和社会保障局", "人社"), ("住房城乡建设局", "住建")],
        [("{P}发展改革委", "发改"), ("人力资源社会保障局", "人社")],
        [("{S}委组织部", "组织"), ("宣传部", "宣传")],
        [("组织部", "组织")],
        [("{U}委组织部", "上级组织")],
        [("{S}市场监管局", "市场监管"), ("市场监督管理局", "市场监管")],
        [("{S}交通建设局", "交建")],
        [("交建局", "交建")],
        [("省发展改革委", "省发改"), ("财政厅", "省财政厅")],
        [("省财政厅", "省财政厅")],
        [("各乡镇人民政府", "各乡镇"), ("各有关部门", "各有关部门")],
        [("{S}总工会", "工会"), ("妇联", "妇联")],
        [("总工会", "工会"), ("{S}妇女联合会", "妇联")],
        [("{S}政府", "政府"), ("{P}人民政府", "政府")],
        [("{S}政府办公室", "政府办"), ("{S}财政局", "财政")],
        [("{S}税务局", "税务"), ("税务局", "税务")],
        [("明确公厕选址", "不是单位"), ("{S}财政局", "财政")],
        [("{S}教育局", "教育"), ("科技局", "科技"), ("{S}科学技术局", "科技")],
        [("{S}卫健委", "卫健"), ("卫生健康委员会", "卫健"), ("{S}工信局", "工信"), ("工业和信息化局", "工信")],
        [("{U}民政局", "上级民政"), ("人社局", "上级人社"), ("{U}人力资源和社会保障局", "上级人社")],
        [("{S}应急管理局", "应急"), ("应急局", "应急"), ("按照《某某条例》执行", "不是单位")],
    ];

    public static TheoryData<string> Issuers()
    {
        var data = new TheoryData<string>();
        foreach (var place in Places)
        {
            data.Add(place.Issuer);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Issuers))]
    public void The_same_clauses_give_the_same_units_under_an_invented_issuer(string issuer)
    {
        var place = Places.Single(p => p.Issuer == issuer);
        var resolver = new UnitResolver();
        var document = new PolicyDocument
        {
            Span = default,
            Issuer = new Located<string>(issuer, default),
            DocNumber = new Located<string>("闽政〔2024〕3号", default), // a mark no data knows
        };
        var units = resolver.ForDocument(document);
        Assert.Equal(PlaceName(place.Name), units.Jurisdiction);

        var resolved = new List<(string Mention, string Label, ResolvedMention Resolution)>();
        foreach (var clause in Clauses)
        {
            var mentions = clause.Select(m => Fill(m.Mention, place)).ToArray();
            var results = units.ExplainClause(mentions);
            resolved.AddRange(clause.Select((m, i) => (mentions[i], m.Unit, results[i])));
        }

        var report = new StringBuilder();
        foreach (var (mention, label, resolution) in resolved)
        {
            if ((label == "不是单位") != (resolution.NotAUnit is not null))
            {
                report.Append($"  {Visible.Show(mention)}: {(resolution.NotAUnit is null ? "made a unit, but is no unit" : "marked no unit, but is one")}\n");
            }
        }

        var units1 = resolved.Where(r => r.Resolution.IsUnit).ToList();
        for (var i = 0; i < units1.Count; i++)
        {
            for (var j = i + 1; j < units1.Count; j++)
            {
                var sameLabel = units1[i].Label == units1[j].Label;
                var sameKey = units1[i].Resolution.Unit.Key == units1[j].Resolution.Unit.Key;
                if (sameLabel != sameKey)
                {
                    report.Append($"  {Visible.Show(units1[i].Mention)} → {units1[i].Resolution.Unit.Key} and {Visible.Show(units1[j].Mention)} → {units1[j].Resolution.Unit.Key}: "
                                  + (sameLabel ? "must be one unit\n" : "must be two units\n"));
                }
            }
        }

        Assert.True(report.Length == 0, $"{issuer} ({units.Jurisdiction}, above: {string.Join(", ", units.Profile.Above.Select(a => a.Jurisdiction))}):\n{report}");
    }

    [Fact]
    public void The_table_is_large_enough_to_mean_something()
    {
        var mentions = Clauses.Sum(c => c.Length);
        var labels = Clauses.SelectMany(c => c).Select(m => m.Unit).Distinct().Count();
        Assert.True(Places.Length >= 15 && mentions >= 50 && labels >= 20, $"{Places.Length} places × {mentions} mentions, {labels} units");
        Assert.All(Places, p => Assert.Null(new UnitResolver().Places.Settings(PlaceName(p.Name)))); // none of them is in the data
    }

    private static string PlaceName(string name) => Jurisdictions.NormalizePlace(name);

    private static string Fill(string mention, Place place) =>
        mention.Replace("{P}", place.Name, StringComparison.Ordinal).Replace("{S}", place.Self, StringComparison.Ordinal).Replace("{U}", place.Up, StringComparison.Ordinal);
}
