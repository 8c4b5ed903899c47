using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Forms;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// Every document tracking writes — the .docx bulletin, the 台账 workbook, the report form — passes the Open XML
/// SDK's validator with zero errors, and is read back by another library than the one that wrote it.
/// </summary>
public class DocumentValidityTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    /// <summary>The validator's errors for a package, one line each (empty: valid).</summary>
    internal static IReadOnlyList<string> Errors(OpenXmlPackage package) =>
        new OpenXmlValidator(FileFormatVersions.Office2016).Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    internal static IReadOnlyList<string> DocxErrors(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return Errors(doc);
    }

    internal static IReadOnlyList<string> XlsxErrors(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        return Errors(doc);
    }

    private static async Task<TrackingLedger> LedgerAsync()
    {
        var l = await BulletinCrossCheckTests.SeededAsync();
        return l;
    }

    [Fact]
    public async Task The_docx_bulletin_is_valid_with_a_grid_for_every_table_and_keeps_the_official_layout()
    {
        await using var l = await LedgerAsync();
        foreach (var (scope, period) in new[] { (new TrackingScope("甲市"), Q2), (new TrackingScope("丙区"), ReportingPeriod.Parse("2024-01")), (new TrackingScope("乙县"), ReportingPeriod.Parse("2024")) })
        {
            var bulletin = (await l.Get<BulletinService>().BulletinAsync(l.Admin, new BulletinRequest(period, scope, null, new DateOnly(2025, 1, 5), "督查室\u0001", ["各责任单位"]))).Value!;
            var path = Path.Combine(l.Folder, $"{scope.Jurisdiction}-{period}.docx");
            DocxBulletinWriter.Write(bulletin, path);
            var errors = DocxErrors(path);
            Assert.True(errors.Count == 0, string.Join("\n", errors));

            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart!.Document.Body!;
            Assert.All(body.Elements<Table>(), t => Assert.Equal(t.Elements<TableRow>().First().Elements<TableCell>().Count(), t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count()));
            Assert.DoesNotContain(body.Descendants<Indentation>(), i => i.Right is { } r && string.IsNullOrEmpty(r.Value));
            var margins = body.Descendants<PageMargin>().Single();
            Assert.Equal((2098, 1984, 1588u, 1474u), (margins.Top!.Value, margins.Bottom!.Value, margins.Left!.Value, margins.Right!.Value));
            var title = body.Elements<Paragraph>().First();
            Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
            Assert.Equal("方正小标宋简体", title.Descendants<RunFonts>().First().EastAsia!.Value);
        }
    }

    [Fact]
    public async Task The_ledger_workbook_and_the_report_form_are_valid_and_readable()
    {
        await using var l = await LedgerAsync();
        var ledger = Path.Combine(l.Folder, "台账.xlsx");
        var export = await l.Get<LedgerExportService>().WriteAsync(l.Admin, ledger, new TrackingScope("甲市"), null, new DateOnly(2024, 7, 10));
        Assert.True(export.Ok, export.Problem?.ToString());
        Assert.True(XlsxErrors(ledger).Count == 0, string.Join("\n", XlsxErrors(ledger)));

        var formPath = Path.Combine(l.Folder, "form.xlsx");
        var form = (await l.Get<FormService>().FormAsync(l.Admin, "甲市/财政局", Q2)).Value!;
        ReportFormWriter.Write(form, formPath);
        Assert.True(XlsxErrors(formPath).Count == 0, string.Join("\n", XlsxErrors(formPath)));

        // Read by the Open XML SDK itself (not ClosedXML, which wrote them): the cells are where the layout says.
        using var doc = SpreadsheetDocument.Open(formPath, false);
        var part = doc.WorkbookPart!;
        var sheet = part.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "填报");
        var ws = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        var validations = ws.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>().ToList();
        var yesNo = Assert.Single(validations, v => v.Type?.Value == DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.List);
        Assert.Equal("\"是,否\"", yesNo.Formula1!.Text);
        Assert.StartsWith("K4", yesNo.SequenceOfReferences!.InnerText, StringComparison.Ordinal);
    }
}
