using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Tests.Units;

public class JurisdictionTests
{
    private static readonly UnitResolver Resolver = new();

    [Theory]
    [InlineData("济源产城融合示范区管理委员会", "济源")]
    [InlineData("焦作市人民政府", "焦作")]
    [InlineData("中站区人民政府办公室", "中站区")]
    [InlineData("三门峡市人民政府办公室", "三门峡")]
    [InlineData("红旗区人民政府", "红旗区")]
    [InlineData("济源市人民政府", "济源")]
    [InlineData("河南省人民政府办公厅", "河南")]
    [InlineData("渑池县人民政府", "渑池县")]
    [InlineData("义马市人民政府", "义马")]
    [InlineData("焦作市人民政府 焦作市财政局", "焦作")]
    public void From_the_issuer(string issuer, string expected) =>
        Assert.Equal(expected, Resolver.JurisdictionOf(Doc(issuer: issuer)));

    [Theory]
    [InlineData("红旗区大力提振市场信心促进经济稳定向好政策措施", "红旗区")]
    [InlineData("济源示范区2023年大力提振市场信心政策措施", "济源")]
    [InlineData("三门峡市人民政府关于表扬三门峡金渠集团有限公司的通报", "三门峡")]
    [InlineData("政府工作报告", "")]
    public void From_the_title_when_there_is_no_issuer(string title, string expected) =>
        Assert.Equal(expected, Resolver.JurisdictionOf(Doc(title: title)));

    [Theory]
    [InlineData("济管〔2023〕19号", "济源")]
    [InlineData("焦政〔2023〕1号", "焦作")]
    [InlineData("三政办〔2022〕6号", "三门峡")]
    [InlineData("中政办〔2023〕3号", "中站区")]
    [InlineData("X政〔2023〕3号", "")]
    public void From_the_doc_number_when_nothing_else_says(string number, string expected) =>
        Assert.Equal(expected, Resolver.JurisdictionOf(new PolicyDocument { Span = default, DocNumber = new Located<string>(number, default) }));

    [Fact]
    public void A_district_knows_its_city()
    {
        Assert.Equal("新乡", Resolver.ProfileOf("红旗区").Parent);
        Assert.Equal("焦作", Resolver.ProfileOf("中站区").Parent);
        Assert.Equal(JurisdictionLevel.City, Resolver.ProfileOf("三门峡").Level);
    }

    private static PolicyDocument Doc(string? issuer = null, string? title = null) => new()
    {
        Span = default,
        Issuer = issuer is null ? null : new Located<string>(issuer, default),
        Title = title is null ? null : new Located<string>(title, default),
    };
}
