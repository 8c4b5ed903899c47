using System.Text;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Reading;

/// <summary>Text files as they really arrive: encodings, and offsets that point into the original text.</summary>
public class SourceTextTests
{
    private static readonly string SamplePath = Path.Combine(SharedData.RepositoryRoot, "samples", "示范区2025年稳就业促消费若干措施.txt");

    static SourceTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    public void Encodings_read_to_the_same_items(string encoding)
    {
        var text = File.ReadAllText(SamplePath);
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => Encoding.GetEncoding(encoding).GetBytes(text),
        };
        var decoded = TextDecoder.Decode("sample.txt", bytes);
        Assert.Equal(text, decoded.Text);
        var expected = PolicyReader.Default.ReadText("sample.txt", text);
        var actual = PolicyReader.Default.Read(decoded);
        Assert.Equal(Summary(expected), Summary(actual));
        Assert.Equal(5, actual.Documents.Single().Items.Count);
    }

    [Fact]
    public void A_gbk_file_says_it_was_not_utf8()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("1.加强宣传。（责任单位：市财政局）");
        var decoded = TextDecoder.Decode("gbk.txt", bytes);
        Assert.Equal("gb18030", decoded.Encoding);
        Assert.Contains(decoded.Diagnostics, d => d.Code == DiagnosticCodes.EncodingGuessed);
    }

    [Fact]
    public void A_binary_file_is_an_error_not_text()
    {
        var result = PolicyReader.Default.Read(TextDecoder.Decode("x.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]));
        Assert.True(result.HasErrors);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Spans_point_into_the_original_text()
    {
        var text = File.ReadAllText(SamplePath);
        var result = PolicyReader.Default.ReadText("sample.txt", text);
        var document = result.Documents.Single();
        Assert.Equal("示范区管〔2025〕7号", document.DocNumber!.Value);
        Assert.Equal("示范区管〔2025〕7 号", text.Substring(document.DocNumber.Span.Start, document.DocNumber.Span.Length));
        Assert.Equal(new DateOnly(2025, 2, 10), document.Date!.Value);
        Assert.Equal("2025 年 2 月 10 日", text.Substring(document.Date.Span.Start, document.Date.Span.Length));
        foreach (var item in document.Items)
        {
            var source = text.Substring(item.Span.Start, item.Span.Length);
            Assert.StartsWith(item.Marker, source);
            Assert.Equal(Compact(item.Marker + item.Text), Compact(source.Replace("— 1 —", string.Empty)));
            foreach (var role in item.Roles)
            {
                Assert.Equal(role.Mention, Compact(text.Substring(role.Span.Start, role.Span.Length)));
            }
        }
    }

    [Fact]
    public void Mixed_line_endings_and_full_width_spaces()
    {
        var result = PolicyReader.Default.ReadText("t.txt", "一、稳定就业\r\n（一）\u3000支持企业\r1.\u3000对企业给予补贴。\r\n（责任单位：市人社局）");
        var item = result.Documents.Single().Items.Single();
        Assert.Equal(["一、稳定就业", "（一）支持企业"], item.Headings);
        Assert.Equal("市人社局", item.Roles.Single().Mention);
    }

    private static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string Summary(ReadResult r) => string.Join("\n", r.Documents.SelectMany(d => d.Items)
        .Select(i => $"{i.Id} {i.Text} {string.Join(",", i.Roles.Select(x => x.Role + ":" + x.Mention))} {i.Span}"));
}
