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

    /// <summary>python-docx (Debian's python3-docx, installed by scripts/test.sh) reads the bulletin's tables.</summary>
    [SkippableFact]
    public async Task Python_docx_reads_the_bulletin_tables()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var probe = Run(python, "-c", "import docx");
        Skip.If(probe.Code != 0 && Environment.GetEnvironmentVariable("CI") != "true", "SKIPPED: python3-docx is not installed (scripts/test.sh installs it when run as root)");
        await using var l = await LedgerAsync();
        var bulletin = (await l.Get<BulletinService>().BulletinAsync(l.Admin, new BulletinRequest(Q2, new TrackingScope("甲市"), null, new DateOnly(2024, 7, 12), "督查室", ["各责任单位"]))).Value!;
        var path = Path.Combine(l.Folder, "bulletin.docx");
        DocxBulletinWriter.Write(bulletin, path);
        var read = Run(python, "-c", "import docx,sys; d=docx.Document(sys.argv[1]); t=d.tables; print(len(t)); print(len(t[1].rows)); print(t[1].cell(1,1).text); print(t[0].cell(1,1).text)", path);
        Assert.True(read.Code == 0, read.Output);
        var lines = read.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("2", lines[0]);
        Assert.Equal((bulletin.Units.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), lines[1]);
        Assert.Equal(bulletin.Units[0].Unit.Name, lines[2]);
        Assert.Equal(bulletin.Counts[0].Count.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[3]);
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        try
        {
            using var p = System.Diagnostics.Process.Start(start)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
