using System.IO.Compression;
using System.Xml;

namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// Whether a file given where a workbook is expected is an .xlsx workbook, checked before a spreadsheet library opens
/// it (ClosedXML throws a NullReferenceException on a Word file renamed .xlsx). Reads only the package's
/// [Content_Types].xml, at most 1 MB of it.
/// </summary>
public static class WorkbookFile
{
    private const long MaxContentTypesBytes = 1 << 20;

    /// <returns>Null for an .xlsx workbook; otherwise why it is not one, in Chinese.</returns>
    public static string? Problem(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        var start = content.CanSeek ? content.Position : 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (content.CanSeek)
        {
            content.Position = start;
        }

        if (read == 0)
        {
            return "文件是空的，不是 Excel 工作簿（.xlsx）";
        }

        if (read >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            return "这是旧版 Office 文件（.xls/.doc，或加了密码的文件），不是 .xlsx 工作簿：请在 Excel 中另存为 .xlsx";
        }

        if (read < 4 || head[0] != 0x50 || head[1] != 0x4B)
        {
            return "不是 Excel 工作簿（.xlsx）：文件不是 zip 包（可能是文本、PDF 或其他文件改了扩展名）";
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes)
            {
                return "不是 Excel 工作簿（.xlsx）：zip 包里没有 Office 文档的内容类型清单";
            }

            string xml;
            using (var reader = new StreamReader(types.Open()))
            {
                xml = reader.ReadToEnd();
            }

            if (xml.Contains("spreadsheetml.sheet.main", StringComparison.Ordinal) || xml.Contains("spreadsheetml.template.main", StringComparison.Ordinal)
                || xml.Contains("ms-excel.sheet.macroEnabled.main", StringComparison.Ordinal))
            {
                return null;
            }

            return xml.Contains("wordprocessingml", StringComparison.Ordinal) ? "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）"
                : xml.Contains("presentationml", StringComparison.Ordinal) ? "这是 PowerPoint 文档（.pptx），不是 Excel 工作簿（.xlsx）"
                : "不是 Excel 工作簿（.xlsx）：zip 包里没有工作表";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            return $"不是 Excel 工作簿（.xlsx），或文件已损坏：{e.Message}";
        }
        finally
        {
            if (content.CanSeek)
            {
                content.Position = start;
            }
        }
    }
}
