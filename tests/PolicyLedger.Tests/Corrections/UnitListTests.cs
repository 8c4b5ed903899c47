using PolicyLedger.Ledger.Corrections;

namespace PolicyLedger.Tests.Corrections;

/// <summary>Unit lists as a reviewer types them: what is read, and what is refused.</summary>
public class UnitListTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("  ", new string[0])]
    [InlineData("县财政局", new[] { "县财政局" })]
    [InlineData("县财政局、县商务局", new[] { "县财政局", "县商务局" })]
    [InlineData("县财政局，县商务局,县税务局；县统计局", new[] { "县财政局", "县商务局", "县税务局", "县统计局" })]
    [InlineData("各县（市、区）人民政府、市财政局", new[] { "各县（市、区）人民政府", "市财政局" })]
    [InlineData("各县〔市、区〕政府", new[] { "各县〔市、区〕政府" })]
    [InlineData(" 县 财政局 、 县商务局 ", new[] { "县财政局", "县商务局" })]
    [InlineData("县财政局、县财政局", new[] { "县财政局" })]
    [InlineData("Shanghai Office、县财政局", new[] { "Shanghai Office", "县财政局" })]
    public void Reads(string text, string[] names)
    {
        var (read, problem) = UnitList.Parse(text);
        Assert.Null(problem);
        Assert.Equal(names, read);
    }

    [Theory]
    [InlineData("县财政局、、县商务局", "空的名称")]
    [InlineData("、县财政局", "空的名称")]
    [InlineData("县财政局、", "空的名称")]
    [InlineData("各县（市、区人民政府", "括号")]
    [InlineData("县财政局）", "括号")]
    [InlineData("牵头单位：县财政局", "牵头单位")]
    [InlineData("县财政局负责。县商务局配合", "句读")]
    [InlineData("2024", "不是单位名称")]
    [InlineData("由县财政局会同有关部门研究制定具体实施细则并报县政府同意后组织实施", "不像一个单位名称")]
    public void Refuses(string text, string why)
    {
        var (read, problem) = UnitList.Parse(text);
        Assert.Empty(read);
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }
}
