using CsCheck;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tests.Faults;

/// <summary>The one sanitizer for terminals and escapers for Markdown and HTML (issue 15, finding 9), one line per case.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("财政局", "财政局")]
    [InlineData("a\tb\nc", "a\tb\nc")]
    [InlineData("\u001B[31m红\u001B[0m", "\\u001B[31m红\\u001B[0m")]
    [InlineData("\u001B]0;title\u0007", "\\u001B]0;title\\u0007")]
    [InlineData("\u009B2J", "\\u009B2J")]
    [InlineData("invoice\u202Etxt.exe", "invoice\\u202Etxt.exe")]
    [InlineData("\u2066x\u2069\u200E\u061C", "\\u2066x\\u2069\\u200E\\u061C")]
    [InlineData("over\rwrite", "over\\u000Dwrite")]
    [InlineData("\u007F\u0000", "\\u007F\\u0000")]
    [InlineData("𠀀 emoji 😀", "𠀀 emoji 😀")]
    public void Terminal(string text, string expected) => Assert.Equal(expected, SafeText.Terminal(text));

    [Fact]
    public void A_lone_surrogate_is_made_visible() =>
        Assert.Equal("lone \\uD800 high", SafeText.Terminal("lone " + (char)0xD800 + " high"));

    [Theory]
    [InlineData("a\nb\tc", "a\\u000Ab\\u0009c")]
    [InlineData("/tmp/x y.txt", "/tmp/x y.txt")]
    public void OneLine(string text, string expected) => Assert.Equal(expected, SafeText.OneLine(text));

    [Theory]
    [InlineData("财政局 2024年", "财政局 2024年")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")]
    [InlineData("[点此](http://evil.example)", "\\[点此\\]\\(http\\://evil.example\\)")]
    [InlineData("http://evil.example/a", "http\\://evil.example/a")]
    [InlineData("www.evil.example", "www\\.evil.example")]
    [InlineData("mail@evil.example", "mail\\@evil.example")]
    [InlineData("  - 缩进的项", "  \\- 缩进的项")]
    [InlineData("完成率85.5%，2024-06-30", "完成率85.5%，2024-06-30")]
    [InlineData("# 标题", "\\# 标题")]
    [InlineData("1. 列表", "1\\. 列表")]
    [InlineData("- 项", "\\- 项")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("**粗** _斜_ `码` ~删~", "\\*\\*粗\\*\\* \\_斜\\_ \\`码\\` \\~删\\~")]
    [InlineData("&lt; &amp;", "&amp;lt; &amp;amp;")]
    [InlineData("第一行\r\n第二行\n第三行", "第一行 第二行 第三行")]
    [InlineData("\u202E反转\u001B", "\\u202E反转\\u001B")]
    [InlineData("（责任单位：县财政局）", "（责任单位：县财政局）")]
    public void Markdown(string text, string expected) => Assert.Equal(expected, SafeText.Markdown(text));

    [Theory]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    [InlineData("a & b \"c\"", "a &amp; b &quot;c&quot;")]
    [InlineData("县财政局\n", "县财政局\n")]
    [InlineData("x\u202Ey\u0001", "x\\u202Ey\\u0001")]
    [InlineData("a\r\nb", "a\nb")]
    public void Html(string text, string expected) => Assert.Equal(expected, SafeText.Html(text));

    [Theory]
    [InlineData("县\u0001财政局", "县\\u0001财政局")]
    [InlineData("a\u202Eb", "a\\u202Eb")]
    [InlineData("行\r\n行\t", "行\r\n行\t")]
    [InlineData("\uFFFE", "\\uFFFE")]
    public void Xml(string text, string expected) => Assert.Equal(expected, SafeText.Xml(text));

    [Fact]
    public void An_excel_cell_keeps_short_text_and_cuts_long_text_with_the_mark_without_splitting_a_pair()
    {
        Assert.Equal("县财政局", SafeText.ExcelCell("县财政局"));
        var exact = new string('长', SafeText.ExcelCellLimit);
        Assert.Equal(exact, SafeText.ExcelCell(exact));
        var pairs = string.Concat(Enumerable.Repeat("😀", 20_000));
        var cut = SafeText.ExcelCell(pairs);
        Assert.True(cut.Length <= SafeText.ExcelCellLimit);
        Assert.EndsWith(SafeText.TruncatedMark, cut, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(cut[^(SafeText.TruncatedMark.Length + 1)]));
    }

    /// <summary>Property: whatever a document holds, nothing dangerous survives any of the three, and plain Chinese text passes unchanged.</summary>
    [Fact]
    public void Nothing_dangerous_survives()
    {
        Gen.String[Gen.Char, 0, 60].Sample(text =>
        {
            foreach (var safe in new[] { SafeText.Terminal(text), SafeText.OneLine(text), SafeText.Markdown(text), SafeText.Html(text), SafeText.Xml(text) })
            {
                Assert.DoesNotContain(safe, c => SafeText.IsDangerous(c) && c != '\r');
            }

            Assert.DoesNotContain(SafeText.Html(text), c => c is '<' or '>');
            Assert.DoesNotContain(SafeText.Terminal(text), c => c is '\r');
        }, iter: 5000);
        Gen.String[Gen.Char['\u4E00', '\u9FFF'], 0, 40].Sample(text =>
            Assert.Equal(text, SafeText.Markdown(text)), iter: 500);
    }
}
