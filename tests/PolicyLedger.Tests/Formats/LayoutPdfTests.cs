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
