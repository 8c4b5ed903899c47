using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tests.Reading;

/// <summary>The one numeral module: digits, small integers as marks and dates write them, Format, and the plan year of a title.</summary>
public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(38, "三十八")]
    [InlineData(100, "一百")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    [InlineData(999, "九百九十九")]
    [InlineData(1000, "一千")]
    [InlineData(1005, "一千零五")]
    [InlineData(1010, "一千零一十")]
    [InlineData(2023, "二千零二十三")]
    [InlineData(10000, "10000")]
    [InlineData(-1, "-1")]
    public void Format_writes_numbers_as_headings_and_Word_do(int n, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Format(n));

    [Theory]
    [InlineData(1, "壹")]
    [InlineData(12, "拾贰")]
    [InlineData(105, "壹佰零伍")]
    [InlineData(3040, "叁仟零肆拾")]
    public void Format_writes_the_financial_forms(int n, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Format(n, NumeralStyle.Financial));

    [Fact]
    public void Format_and_Parse_agree_on_every_number_a_mark_may_carry()
    {
        for (var n = 1; n <= 9999; n++)
        {
            Assert.Equal(n, ChineseNumerals.Parse(ChineseNumerals.Format(n)));
            Assert.Equal(n, ChineseNumerals.Parse(ChineseNumerals.Format(n, NumeralStyle.Financial)));
        }
    }

    [Theory]
    [InlineData("15", 15)]
    [InlineData("１５", 15)]
    [InlineData("十五", 15)]
    [InlineData("二十八", 28)]
    [InlineData("二〇二三", 2023)]
    [InlineData("", null)]
    [InlineData("十五号", null)]
    [InlineData("1234567890", null)]
    public void ParseInteger_reads_Arabic_and_Chinese(string text, int? expected) =>
        Assert.Equal(expected, ChineseNumerals.ParseInteger(text));

    [Theory]
    [InlineData("2023年", 0, 4, true, 2023, 4)]
    [InlineData("二〇二三年", 0, 4, true, 2023, 4)]
    [InlineData("十二月", 0, 2, false, 12, 2)]
    [InlineData("三十一日", 0, 2, false, 31, 3)]
    [InlineData("二十日", 0, 2, false, 20, 2)]
    [InlineData("7月", 0, 2, false, 7, 1)]
    [InlineData("123月", 0, 2, false, null, 0)]
    [InlineData("两年", 0, 2, false, null, 0)]
    [InlineData("年", 0, 2, false, null, 0)]
    public void TryReadInteger_reads_what_dates_and_ordinals_write(string text, int at, int max, bool digitByDigit, int? value, int end)
    {
        var ok = ChineseNumerals.TryReadInteger(text, at, max, digitByDigit, out var v, out var e);
        Assert.Equal(value is not null, ok);
        Assert.Equal((value ?? 0, value is null ? at : end), (v, e));
    }

    [Theory]
    [InlineData("某某市人民政府关于明确政府工作报告提出的2024年重点工作责任单位的通知", 2024)]
    [InlineData("关于印发二〇二三年重点工作任务的通知", 2023)]
    [InlineData("某某区2023年大力提振市场信心促进经济稳定向好政策措施", 2023)]
    [InlineData("2023年某某县2023年度重点工作", 2023)]
    [InlineData("关于印发2023年至2025年行动方案的通知", null)]
    [InlineData("某某县2022—2024年乡村振兴规划", null)]
    [InlineData("关于进一步提振市场信心的若干政策措施", null)]
    [InlineData("关于做好12345热线工作的通知", null)]
    [InlineData(null, null)]
    public void PlanYear_is_the_one_year_a_title_names(string? title, int? expected) =>
        Assert.Equal(expected, ChineseNumerals.PlanYear(title));
}
