using System.Text;
using CsCheck;
using PolicyLedger.Formats;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// Issue 15, finding 4: decoding refuses to guess wrongly. A few bad bytes in UTF-8 keep it UTF-8 and are named by
/// byte offset; GB18030 behind a UTF-8 BOM is read as GB18030 and said; what reads as neither is refused; and no
/// U+FFFD ever appears without a diagnostic.
/// </summary>
public sealed class DecodingTests
{
    private static readonly Encoding Gb = CodePages();

    private static readonly string Sample = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "示范区2025年稳就业促消费若干措施.txt"));

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })] // never valid in UTF-8
    [InlineData(new byte[] { 0xE4, 0xB8 })] // a CJK sequence cut short
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong "/"
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    public void One_invalid_sequence_in_utf8_stays_utf8_and_names_its_byte_offset(byte[] bad)
    {
        var good = Encoding.UTF8.GetBytes(Sample);
        var at = Encoding.UTF8.GetByteCount(Sample[..(Sample.Length / 2)]);
        byte[] bytes = [.. good[..at], .. bad, .. good[at..]];

        var decoded = TextDecoder.Decode("one-bad.txt", bytes);

        Assert.Equal("utf-8", decoded.Encoding);
        var diagnostic = Assert.Single(decoded.Diagnostics);
        Assert.Equal(DiagnosticCodes.EncodingInvalidBytes, diagnostic.Code);
        Assert.Contains($"字节偏移 {at}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal('\uFFFD', decoded.Text[diagnostic.Span!.Value.Start]);
        Assert.Equal(Sample[..(Sample.Length / 2)], decoded.Text[..diagnostic.Span.Value.Start]);
        Assert.EndsWith(Sample[(Sample.Length / 2)..], decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_one_bad_byte_reads_its_items_and_units_as_without_it()
    {
        var good = Encoding.UTF8.GetBytes(Sample);
        var at = Array.IndexOf(good, (byte)'\n', good.Length / 3) + 1;
        byte[] bytes = [.. good[..at], 0xB7, .. good[at..]];

        var clean = PolicyReader.Default.ReadText("s.txt", Sample);
        var damaged = PolicyReader.Default.Read(TextDecoder.Decode("s.txt", bytes));

        Assert.Equal(
            clean.Documents.SelectMany(d => d.Items).Select(i => (i.Id, Roles: string.Join(",", i.Roles.Select(r => r.Mention)))),
            damaged.Documents.SelectMany(d => d.Items).Select(i => (i.Id, Roles: string.Join(",", i.Roles.Select(r => r.Mention)))));
    }

    [Fact]
    public void Gb18030_behind_a_utf8_bom_is_read_as_gb18030_and_said()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Gb.GetBytes(Sample)];

        var decoded = TextDecoder.Decode("bom-gbk.txt", bytes);

        Assert.Equal("gb18030", decoded.Encoding);
        Assert.Equal(Sample, decoded.Text);
        Assert.Contains(decoded.Diagnostics, d => d.Code == DiagnosticCodes.EncodingMismatch && d.Severity == DiagnosticSeverity.Warning);
        Assert.DoesNotContain('\uFFFD', decoded.Text);
    }

    [Theory]
    [InlineData("1.加强宣传。（责任单位：市财政局）")]
    [InlineData("Policy No. 7 of 2025 — 关于加强管理的通知 (draft 2)")] // mostly ASCII, a little Chinese
    [InlineData("各乡镇人民政府：现将《意见》印发给你们，请认真贯彻执行。①②③ Ⅰ Ⅱ ■ ×")]
    public void Gb18030_without_a_mark_is_read_as_gb18030(string text)
    {
        var decoded = TextDecoder.Decode("gbk.txt", Gb.GetBytes(text));

        Assert.Equal(("gb18030", text), (decoded.Encoding, decoded.Text));
        Assert.Contains(decoded.Diagnostics, d => d.Code == DiagnosticCodes.EncodingGuessed);
    }

    [Theory]
    [InlineData("Résumé of the café's naïve façade, déjà vu, über straße")]
    [InlineData("Prix: 12 €, qualité supérieure à l'été; réf. «A-3»")]
    public void Text_that_reads_as_neither_utf8_nor_chinese_is_refused_with_the_reason(string text)
    {
        var decoded = TextDecoder.Decode("latin.txt", Encoding.GetEncoding("windows-1252").GetBytes(text));

        var error = Assert.Single(decoded.Diagnostics);
        Assert.Equal((DiagnosticCodes.EncodingUnknown, DiagnosticSeverity.Error), (error.Code, error.Severity));
        Assert.Contains("字节偏移", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, decoded.Text);
    }

    [Fact]
    public void Utf16_with_an_unpaired_surrogate_says_so()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("第一条"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("完")];

        var decoded = TextDecoder.Decode("u16.txt", bytes);

        Assert.Contains(decoded.Diagnostics, d => d.Code == DiagnosticCodes.EncodingInvalidBytes);
    }

    /// <summary>Property: whatever the bytes, a U+FFFD in the decoded text comes with a diagnostic that says so.</summary>
    [Fact]
    public void No_replacement_character_without_a_diagnostic()
    {
        var pieces = Gen.OneOf(
            Gen.Const(Encoding.UTF8.GetBytes("加强宣传，")),
            Gen.Const(Gb.GetBytes("责任单位：市财政局。")),
            Gen.Const(new byte[] { 0xEF, 0xBB, 0xBF }),
            Gen.Const("Article 1. "u8.ToArray()),
            Gen.Byte.Array[1, 3]);
        pieces.Array[0, 40].Select(parts => parts.SelectMany(p => p).ToArray()).Sample(bytes =>
        {
            var decoded = TextDecoder.Decode("mixed.txt", bytes);
            if (decoded.Text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Assert.Contains(decoded.Diagnostics, d => d.Code is DiagnosticCodes.EncodingInvalidBytes);
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_web_page_without_a_charset_is_decided_the_same_way()
    {
        var page = $"<html><body><div id=\"zoom\"><p>{Sample.Replace("\n", "</p><p>", StringComparison.Ordinal)}</p></div></body></html>";
        byte[] bom = [0xEF, 0xBB, 0xBF, .. Gb.GetBytes(page)];

        var fromGbk = new HtmlFormat().Load("p.html", new MemoryStream(Gb.GetBytes(page)));
        var fromBom = new HtmlFormat().Load("p.html", new MemoryStream(bom));

        Assert.Equal("gb18030", fromGbk.Encoding);
        Assert.Equal("gb18030", fromBom.Encoding);
        Assert.Contains(fromBom.Diagnostics, d => d.Code == DiagnosticCodes.EncodingMismatch);
        Assert.Contains("吸纳就业补贴", fromBom.Text, StringComparison.Ordinal);
    }

    /// <summary>Through the real CLI: the file is read as UTF-8, its items keep their units, and the warning names the offset.</summary>
    [Fact]
    public async Task Import_of_utf8_with_one_bad_byte_keeps_its_units_and_warns()
    {
        using var ledger = TestLedger.Create("sqlite");
        var good = Encoding.UTF8.GetBytes(Sample);
        var at = Array.IndexOf(good, (byte)'\n', good.Length / 2) + 1;
        var path = Path.Combine(ledger.Folder, "one-bad.txt");
        File.WriteAllBytes(path, [.. good[..at], 0xFF, .. good[at..]]);

        var read = await RealCli.RunAsync(["read", path, "--format", "json"], TimeSpan.FromMinutes(3));
        var import = await RealCli.RunAsync(ledger.Args("import", path), TimeSpan.FromMinutes(3));

        Assert.Contains("\"encoding\": \"utf-8\"", read.Output, StringComparison.Ordinal);
        Assert.Contains($"字节偏移 {at}", read.Output, StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.True(await ledger.CountAsync(c => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(c.Units)) >= 3);
    }
}
