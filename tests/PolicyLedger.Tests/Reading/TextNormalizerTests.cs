using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tests.Reading;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("2023 年 1 月 19 日", "2023年1月19日")]
    [InlineData(" 济管〔2023〕19 号", "济管〔2023〕19号")]
    [InlineData("A 级景区", "A级景区")]
    [InlineData("GAZETTE OF  THE PEOPLE'S", "GAZETTE OF THE PEOPLE'S")]
    [InlineData("政 策 措 施", "政策措施")]
    [InlineData("\u3000\u3000各位代表：", "各位代表：")]
    [InlineData("第 6 号(总第 195 号)", "第6号(总第195号)")]
    public void Folds_whitespace_inside_cjk_text(string line, string expected) =>
        Assert.Equal(expected, TextNormalizer.Fold(line, 0, line.Length).Text);

    [Fact]
    public void Folded_text_maps_every_character_back_to_the_original()
    {
        const string original = "前言\r\n2023 年 1 月\n";
        var lines = TextNormalizer.SplitLines(original);
        var line = lines[1];
        Assert.Equal("2023年1月", line.Text.Text);
        for (var i = 0; i < line.Text.Length; i++)
        {
            Assert.Equal(line.Text.Text[i], original[line.Text.SourceOffset(i)]);
        }

        var span = line.Text.ToSource(4, 2);
        Assert.Equal("年 1", original.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("— 5 —", true)]
    [InlineData("- 12 -", true)]
    [InlineData("－3－", true)]
    [InlineData("第 3 页", true)]
    [InlineData("— 5 — 以后", false)]
    [InlineData("5.推进", false)]
    [InlineData("——2022年5月12日在三门峡市", false)]
    public void Recognizes_page_footers(string line, bool footer) =>
        Assert.Equal(footer, TextNormalizer.IsPageFooter(line));
}
