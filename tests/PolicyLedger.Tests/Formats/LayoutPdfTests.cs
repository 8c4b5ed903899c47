using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tests.Formats.Producers;
using PolicyLedger.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Documents written for these tests in the layouts offices use (A4, Letter and A5; indented, spaced and plain
/// paragraphs; a 红头; running heads; "— N —"; text and a table going on over page breaks with the table's header
/// repeated; a forwarding notice holding the document it forwards), printed by Chromium from the web page and
/// converted by LibreOffice from the Word file: the PDF reads like the page or the Word file it was made from (same
/// documents and elements, same items with the same text and roles), and both read as the document was written.
/// </summary>
public class LayoutPdfTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var name in LayoutDocuments.Names)
        {
            cases.Add("chromium", name);
            cases.Add("libreoffice", name);
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void A_laid_out_document_printed_to_pdf_reads_like_its_source(string producer, string name)
    {
        var (document, expected) = LayoutDocuments.Get(name);
        var (source, pdf) = producer == "chromium"
            ? (Agreement.Read($"{name}.html", System.Text.Encoding.UTF8.GetBytes(document.Html())), PdfProducers.Print(document.Html()))
            : (Agreement.Read($"{name}.docx", document.Docx()), PdfProducers.Convert(document.Docx()));

        var result = Agreement.Read($"{name}.pdf", pdf);
        output.WriteLine(result.Text);

        AssertAsWritten(source, expected, "the source file");
        AssertAsWritten(result, expected, "the PDF");
        Agreement.AssertSameReading(source, result);
        Assert.Equal(Elements(source), Elements(result));
        Assert.DoesNotContain(Agreement.Paragraphs(result.Text), l => l.Contains('—') && PolicyLedger.Formats.PdfFormat.IsPageNumber(l));
        Assert.DoesNotContain(result.Text.Split('\n'), l => PolicyLedger.Formats.PdfFormat.IsPageNumber(l.Trim()));
        if (document.RunningHead is { } head)
        {
            Assert.DoesNotContain(head.Replace(" ", "", StringComparison.Ordinal), result.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private static void AssertAsWritten(ReadResult result, LayoutExpectation expected, string what)
    {
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.True(expected.Items == result.Documents.Sum(d => d.Items.Count), $"{what}: {result.Documents.Sum(d => d.Items.Count)} items read, {expected.Items} written");
        for (var i = 0; i < expected.Documents.Count; i++)
        {
            Assert.True(i < result.Documents.Count, $"{what}: document {i + 1} of {expected.Documents.Count} not found");
            var dto = ReadResultJson.ToDto(result.Documents[i]);
            Assert.Equal(Visible.Show(expected.Documents[i].DocNumber), Visible.Show(dto.DocNumber));
            Assert.Equal(Visible.Show(expected.Documents[i].Title), Visible.Show(dto.Title));
            Assert.Equal(expected.Documents[i].Date, dto.Date);
            Assert.NotEmpty(dto.Addressees);
        }

        foreach (var item in result.Documents.SelectMany(d => d.Items))
        {
            Assert.True(item.Roles.Count > 0, $"{what}: item {item.Id} has no role: {item.Text}");
        }
    }

    private static IReadOnlyList<string> Elements(ReadResult result) =>
        result.Documents.Select(ReadResultJson.ToDto)
            .Select(d => $"{d.DocNumber}|{d.Issuer}|{d.Title}|{d.Date}|{string.Join("，", d.Addressees)}|{string.Join("，", d.Basis)}")
            .ToList();
}

/// <summary>Pages without a text layer (scanned pages) in PDFs printed by Chromium.</summary>
public class ScannedPagePdfTests
{
    /// <summary>A 1×1 grey PNG, drawn large as a page's only content, the way a scanned page is an image.</summary>
    private const string Scan = "<img style=\"width: 160mm; height: 220mm\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==\">";

    private const string Style = "<style>@page { size: A4; margin: 0; } body { margin: 20mm; }</style>";

    [SkippableFact]
    public void A_scanned_page_among_typed_pages_is_named_in_a_warning_and_the_typed_text_is_read()
    {
        var html = $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">{Style}</head><body>"
            + "<p>1．加快推进重点项目建设。（责任单位：市发展改革委）</p><p>2．优化营商环境。（责任单位：市政务服务中心）</p>"
            + $"<div style=\"break-before: page\">{Scan}</div></body></html>";

        var result = Agreement.Read("mixed.pdf", PdfProducers.Print(html));

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PageWithoutText);
        Assert.Contains("page 2 ", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Documents.Sum(d => d.Items.Count));
    }

    [SkippableFact]
    public void A_pdf_of_scanned_pages_only_is_an_error_that_says_so()
    {
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{Style}</head><body>{Scan}<div style=\"break-before: page\">{Scan}</div></body></html>";

        var result = Agreement.Read("scan.pdf", PdfProducers.Print(html));

        Assert.True(result.HasErrors);
        Assert.Contains("no text layer (2 pages of images only", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
