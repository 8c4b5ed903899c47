using System.IO.Compression;
using System.Text;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Formats;

public class CorruptFileTests
{
    private static byte[] GoodDocx() => new DocxBuilder().Paragraph("一、总体要求").Paragraph("1.加快建设。（责任单位：县发展改革委）").Build();

    public static TheoryData<string, byte[]> BadFiles()
    {
        var docx = GoodDocx();
        return new()
        {
            { "truncated.docx", docx[..(docx.Length / 2)] },
            { "garbage.docx", Encoding.UTF8.GetBytes("这不是一个Word文件") },
            { "empty.docx", [] },
            { "old-word.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00] },
            { "garbage.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage") },
            { "notpdf.pdf", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01] },
            { "empty.pdf", [] },
            { "binary.html", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x3C] },
            { "empty.html", [] },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_corrupt_file_gives_a_clear_error_naming_the_file(string name, byte[] bytes)
    {
        var result = Agreement.Read(name, bytes);

        Assert.True(result.HasErrors, $"{name} read without error: {Visible.Show(result.Text)}");
        Assert.Equal(name, result.File);
        Assert.Contains("cannot read the file", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_file_with_a_damaged_part_gives_an_error_not_an_exception()
    {
        var builder = new DocxBuilder();
        var list = builder.List(builder.AbstractList(DocxBuilder.GovernmentOutline));
        var docx = builder.Paragraph("总体要求", list).Build();
        using var package = new MemoryStream();
        package.Write(docx);
        using (var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/numbering.xml")!;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/numbering.xml").Open());
            writer.Write("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum");
        }

        var result = Agreement.Read("damaged.docx", package.ToArray());

        Assert.True(result.HasErrors, Visible.Show(result.Text));
        Assert.Contains("damaged", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_pdf_gives_an_error()
    {
        var pdf = new PdfBuilder().Build(["一、总体要求", "1.加快建设。（责任单位：县发展改革委）"]);

        var result = Agreement.Read("truncated.pdf", pdf[..(pdf.Length / 3)]);

        Assert.True(result.HasErrors, $"the truncated PDF read without error: {Visible.Show(result.Text)}");
    }

    [Fact]
    public void A_batch_goes_on_past_bad_files_and_names_them()
    {
        var folder = Directory.CreateTempSubdirectory("policyledger-formats-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "a-good.docx"), GoodDocx());
            File.WriteAllBytes(Path.Combine(folder.FullName, "b-bad.docx"), Encoding.UTF8.GetBytes("not a zip"));
            File.WriteAllBytes(Path.Combine(folder.FullName, "c-bad.pdf"), Encoding.ASCII.GetBytes("%PDF-1.4 truncated"));
            File.WriteAllText(Path.Combine(folder.FullName, "d-good.html"), "<html><body><div id=\"zoom\"><p>一、总体要求</p><p>1.加快建设。（责任单位：县发展改革委）</p></div></body></html>");
            var output = new StringWriter();
            var errors = new StringWriter();

            var exit = ReadCommand.Run([folder.FullName], "json", output, errors);

            Assert.Equal(1, exit);
            Assert.Contains("b-bad.docx", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("c-bad.pdf", errors.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("a-good.docx", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("a-good.docx", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("d-good.html", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
