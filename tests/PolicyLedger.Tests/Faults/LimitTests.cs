using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Formats;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Text;
using PolicyLedger.Tests.Ledger;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// Issue 15, finding 9 and beyond: limits and escapes. Over-long cells, files that are not what their name says,
/// terminal escapes from documents, hostile nesting, huge files and zip bombs.
/// </summary>
public sealed class LimitTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    private readonly TestLedger _ledger = TestLedger.Create("sqlite");

    private async Task ImportAsync(string name, string content)
    {
        var path = _ledger.Write(name, content);
        var summary = await new LedgerImporter(_ledger.Database, LedgerTestFiles.Read, new MentionUnitResolution(), new FakeTimeProvider()).ImportAsync([path]);
        Assert.Equal(0, summary.Failed);
    }

    private static void AssertValid(string xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_40000_character_text_is_cut_at_excels_limit_with_a_visible_mark()
    {
        // A 40 000-character unit name is no unit since the reader's MentionShape (TooLong): the long text that
        // reaches a cell is the item's own, and every cell of every sheet stays within Excel's limit.
        var name = "县" + new string('长', 39_998) + "局";
        var text = "开展" + new string('长', 39_997) + "工作。";
        await ImportAsync("long.txt", $"DOC 长〔2025〕1号|县人民政府|关于长名称的通知\nITEM 1|{text}|L={name}|R=县财政局");
        var xlsx = Path.Combine(_ledger.Folder, "long.xlsx");

        Assert.Equal(0, await ExportCommand.RunAsync(_ledger.Database, xlsx, TrackingScope.Default, null, new DateOnly(2025, 7, 1), null, CliIo.Of(TextWriter.Null, TextWriter.Null)));

        AssertValid(xlsx);
        using var workbook = new XLWorkbook(xlsx);
        var cell = workbook.Worksheet(1).Cell(3, 2).GetString();
        Assert.Equal(text[..(SafeText.ExcelCellLimit - SafeText.TruncatedMark.Length)] + SafeText.TruncatedMark, cell);
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.True(c.GetString().Length <= SafeText.ExcelCellLimit, c.Address.ToString()));
        Assert.Contains("县财政局", workbook.Worksheet(1).Row(3).Cells(3, 5).Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_40000_character_item_is_cut_with_the_mark_in_the_units_report_form_too()
    {
        var text = "开展" + new string('长', 39_997) + "工作。";
        await ImportAsync("longitem.txt", $"DOC 长〔2025〕3号|县人民政府|关于长事项的通知\nITEM 1|{text}|L=县财政局");
        var xlsx = Path.Combine(_ledger.Folder, "form.xlsx");
        var errors = new StringWriter();

        var code = await ReportFormExport.RunAsync(_ledger.Database, xlsx, "县财政局", "2025Q2", TrackingScope.Default, null, CliIo.Of(TextWriter.Null, errors));

        Assert.True(code == 0, errors.ToString());
        AssertValid(xlsx);
        using var workbook = new XLWorkbook(xlsx);
        var cell = workbook.Worksheet(1).Cell(PolicyLedger.Tracking.Forms.ReportFormLayout.FirstDataRow, PolicyLedger.Tracking.Forms.ReportFormLayout.Text).GetString();
        Assert.Equal(text[..(SafeText.ExcelCellLimit - SafeText.TruncatedMark.Length)] + SafeText.TruncatedMark, cell);
    }

    [Fact]
    public async Task Control_characters_in_document_text_do_not_break_the_workbook()
    {
        await ImportAsync("ctl.txt", "DOC 控〔2025〕2号|县人民政府|关于\u0001控制\u001B[31m字符的通知\nITEM 1|开展\u0007工作\u202E。|L=县\u0002财政局");
        var xlsx = Path.Combine(_ledger.Folder, "ctl.xlsx");

        Assert.Equal(0, await ExportCommand.RunAsync(_ledger.Database, xlsx, TrackingScope.Default, null, new DateOnly(2025, 7, 1), null, CliIo.Of(TextWriter.Null, TextWriter.Null)));

        AssertValid(xlsx);
        using var workbook = new XLWorkbook(xlsx);
        Assert.Equal("开展\\u0007工作\\u202E。", workbook.Worksheet(1).Cell(3, 2).GetString());
    }

    [Fact]
    public async Task A_word_file_renamed_xlsx_is_refused_by_progress_import_in_one_line()
    {
        var fake = Path.Combine(_ledger.Folder, "form.xlsx");
        WriteDocx(fake);

        var run = await RealCli.RunAsync(_ledger.Args("progress", "import", fake), Soon);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "文件不是 zip 包")]
    [InlineData("empty", "文件是空的")]
    [InlineData("ole", "旧版 Office 文件")]
    [InlineData("zip", "没有 Office 文档的内容类型清单")]
    public void Files_that_are_not_workbooks_are_named_for_what_they_are(string kind, string expected)
    {
        using var content = new MemoryStream();
        switch (kind)
        {
            case "text": content.Write("序号,任务\n1,加强宣传"u8); break;
            case "ole": content.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]); break;
            case "zip":
                using (var zip = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
                {
                    using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
                    writer.Write("hello");
                }

                break;
        }

        content.Position = 0;
        Assert.Contains(expected, PolicyLedger.Tracking.Forms.WorkbookFile.Problem(content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_will_not_overwrite_a_file_that_is_not_a_workbook()
    {
        var precious = Path.Combine(_ledger.Folder, "报告.xlsx");
        WriteDocx(precious);
        var before = await File.ReadAllBytesAsync(precious);

        var run = await RealCli.RunAsync(_ledger.Args("export", "--xlsx", precious), Soon);
        var noExtension = await RealCli.RunAsync(_ledger.Args("export", "--xlsx", Path.Combine(_ledger.Folder, "台账.docx")), Soon);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不覆盖它", run.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(precious));
        Assert.Equal(2, noExtension.ExitCode);
        Assert.Contains(".xlsx 结尾", noExtension.Errors, StringComparison.Ordinal);
    }

    /// <summary>Escape sequences, C0/C1 controls and a bidi override in a web page never reach the terminal raw, in table or JSON form.</summary>
    [Fact]
    public async Task Terminal_escapes_in_a_document_never_reach_the_terminal_raw()
    {
        var page = _ledger.Write("evil.html",
            "<html><head><title>x</title></head><body><div id=\"zoom\"><p>关于加强管理的通知\u001B]0;pwned\u0007</p>" +
            "<p>1.开展\u001B[2J\u001B[31m清理\u009B31m工作\u202Eexe.txt。（责任单位：县\u202E财政局）</p></div></body></html>");

        var table = await RealCli.RunAsync(["read", page], Soon);
        var json = await RealCli.RunAsync(["read", page, "--format", "json"], Soon);

        foreach (var run in new[] { table, json })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain(run.Output + run.Errors, c => c is '\u001B' or '\u0007' or '\u009B' or '\u202E');
        }

        Assert.Contains("\\u001B[31m", table.Output, StringComparison.Ordinal);
        Assert.Contains("\\u202E", table.Output, StringComparison.Ordinal);

        // JSON stays JSON, and its strings still hold the document's characters.
        using var parsed = JsonDocument.Parse(json.Output);
        var item = parsed.RootElement.GetProperty("documents")[0].GetProperty("items")[0];
        Assert.Contains("\u202E", item.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_with_a_newline_and_escapes_is_printed_on_one_line()
    {
        var path = _ledger.Write("a b\n\u001B[31mc.txt", string.Empty);

        var run = await RealCli.RunAsync(["read", path], Soon);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("a b\\u000A\\u001B[31mc.txt: 警告：文件没有文字", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', run.Errors);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("table")]
    [InlineData("b")]
    [InlineData("pre/")]
    [InlineData("div/")]
    [InlineData("listing /")]
    public void Deeply_nested_html_is_read_in_bounded_time_and_memory(string tag)
    {
        // "<pre/>" opens a pre in HTML (the slash means nothing outside <svg> and <math>): 100 000 of them nest as
        // deep as "<pre>" does, and the parser's recursion over them overflowed the stack (found by HtmlFuzzTests).
        const int Depth = 100_000;
        var open = tag == "table" ? "<table><tr><td>" : $"<{tag}>";
        var close = tag == "table" ? "</td></tr></table>" : tag.EndsWith('/') ? "" : $"</{tag}>";
        var html = "<html><body><div id=\"zoom\">" + string.Concat(Enumerable.Repeat(open, Depth)) + "<p>1.开展清理工作。（责任单位：县财政局）</p>"
            + string.Concat(Enumerable.Repeat(close, Depth)) + "</div></body></html>";
        var memory = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var text = new HtmlFormat().Load("deep.html", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(html)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"{tag}: {watch.Elapsed}"); // was over 300 s for div before the depth limit
        var allocated = GC.GetAllocatedBytesForCurrentThread() - memory;
        Assert.True(allocated < 2L << 30, $"{tag}: allocated {allocated >> 20} MB");
        Assert.Contains("开展清理工作", text.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<table>", "<pre>")]
    [InlineData("<table>", "<pre/><listing>")]
    [InlineData("<table><tr><td>", "<table><pre>")]
    [InlineData("", "<textarea></textarea><pre>")]
    public void Token_sequences_the_parser_recurses_over_are_read_without_ending_the_process(string prefix, string repeated)
    {
        // The tree builder recurses once per token in some sequences (a start tag that swallows the next newline, tags
        // foster-parented out of a table); the HTML fuzz test once ended the test host with a stack overflow there.
        var html = "<html><body>" + prefix + string.Concat(Enumerable.Repeat(repeated, 20_000)) + "<p>1.开展清理工作。（责任单位：县财政局）</p></body></html>";
        var text = new HtmlFormat().Load("recursive.html", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(html)));
        Assert.Contains("开展清理工作", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_limit_is_left_as_it_was()
    {
        var html = "<div><script>if (a < b) { x = '<div>'; }</script><!-- <div> --><p title=\"a > b\">文字</p></div>";
        Assert.Same(html, HtmlDepthLimit.Apply(html));
        var deep = string.Concat(Enumerable.Repeat("<div>", 600)) + "文字" + string.Concat(Enumerable.Repeat("</div>", 600));
        var limited = HtmlDepthLimit.Apply(deep);
        Assert.Equal((HtmlDepthLimit.MaxDepth * "<div>".Length) + "文字".Length + (HtmlDepthLimit.MaxDepth * "</div>".Length), limited.Length);
        Assert.Equal(HtmlDepthLimit.MaxDepth, limited.Split("<div>").Length - 1);

        // "/>" closes only inside <svg> and <math>: 600 self-closed paths in a picture are no nesting at all.
        var picture = "<div><svg>" + string.Concat(Enumerable.Repeat("<path d=\"M0 0\"/>", 600)) + "</svg><p>文字</p></div>";
        Assert.Same(picture, HtmlDepthLimit.Apply(picture));
        var slashed = string.Concat(Enumerable.Repeat("<div/>", 600)) + "文字";
        Assert.Equal(HtmlDepthLimit.MaxDepth, HtmlDepthLimit.Apply(slashed).Split("<div/>").Length - 1);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_being_read()
    {
        var huge = Path.Combine(_ledger.Folder, "huge.txt");
        await using (var file = File.Create(huge))
        {
            file.SetLength(SourceLoader.MaxFileBytes + 1); // sparse: no disk used
        }

        var watch = Stopwatch.StartNew();
        var read = await RealCli.RunAsync(["read", huge], Soon);
        var import = await RealCli.RunAsync(_ledger.Args("import", huge), Soon);

        Assert.Equal((1, 1), (read.ExitCode, import.ExitCode));
        Assert.Contains("文件太大", read.Errors, StringComparison.Ordinal);
        Assert.Contains("文件太大", import.Errors, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void A_docx_zip_bomb_is_refused_with_a_reason()
    {
        using var content = new MemoryStream();
        using (var zip = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            using var body = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open());
            body.Write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            var paragraph = "<w:p><w:r><w:t>" + new string('a', 200) + "</w:t></w:r></w:p>";
            for (var i = 0; i < (int)(DocxFormat.MaxCharactersInPart / paragraph.Length) + 10; i++)
            {
                body.Write(paragraph);
            }

            body.Write("</w:body></w:document>");
        }

        content.Position = 0;
        var text = new SourceLoader([new DocxFormat()]).Load("bomb.docx", content);

        Assert.Contains(text.Diagnostics, d => d.Message.Contains("压缩炸弹", StringComparison.Ordinal));
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    private static void WriteDocx(string path)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
            new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("进展情况")))));
    }

    public void Dispose() => _ledger.Dispose();
}
