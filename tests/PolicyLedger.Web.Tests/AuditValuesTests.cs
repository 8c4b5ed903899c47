using PolicyLedger.Web.Rendering;

namespace PolicyLedger.Web.Tests;

/// <summary>The 审计 page's before/after: fields by their Chinese names, 是/否, moments in 北京时间, roles by name; odd text kept as it is.</summary>
public sealed class AuditValuesTests
{
    [Theory]
    [InlineData("""{"Disabled":true}""", "已停用", "是")]
    [InlineData("""{"Done":false}""", "已完成", "否")]
    [InlineData("""{"LockedUntil":null}""", "锁定至", "无")]
    [InlineData("""{"UpdatedAt":"2024-07-03T04:00:01.1403513+00:00"}""", "更新时间", "2024-07-03 12:00")]
    [InlineData("""{"SubmittedOn":"2024-07-08"}""", "报送日期", "2024-07-08")]
    [InlineData("""{"Role":"supervisor"}""", "角色", "督办人员")]
    [InlineData("""{"role":"reporter"}""", "角色", "填报人员")]
    [InlineData("""{"Percent":60.5}""", "进度（%）", "60.5")]
    [InlineData("""{"Warnings":["PL-T03","PL-T01"]}""", "提醒", "PL-T03、PL-T01")]
    [InlineData("""{"checked":true,"text":"甲一"}""", "核对无误", "是")]
    [InlineData("""{"state":{"item":"甲政〔2024〕1号#1","reason":null}}""", "状态", "事项：甲政〔2024〕1号#1；原因：无")]
    [InlineData("""{"SomethingNew":"x"}""", "SomethingNew", "x")]
    public void A_field_is_shown_by_its_Chinese_name_and_value(string json, string name, string value) =>
        Assert.Equal((name, value), AuditValues.Lines(json)[0]);

    [Fact]
    public void Every_field_of_an_object_is_a_line_in_order()
    {
        var lines = AuditValues.Lines("""{"Period":"2024Q2","Percent":40,"Narrative":"按计划推进"}""");
        Assert.Equal([("期间", "2024Q2"), ("进度（%）", "40"), ("进展情况", "按计划推进")], lines.Select(l => (l.Name!, l.Value)));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("不是 JSON {", 1)]
    [InlineData("\"一段文字\"", 1)]
    public void Text_that_is_no_object_is_kept_as_one_line_without_a_name(string? text, int count)
    {
        var lines = AuditValues.Lines(text);
        Assert.Equal(count, lines.Count);
        Assert.All(lines, l => Assert.Null(l.Name));
    }
}
