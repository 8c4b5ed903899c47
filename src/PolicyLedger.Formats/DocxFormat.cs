using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// Word documents (.docx). The body is read in order: one line per paragraph, with the number Word generates for
/// list paragraphs written before it ("一、", "（一）", "1."); tables become lines (a task table gives one item per row,
/// see <see cref="TaskTable"/>); headers, footers, footnotes, comments, deleted text and field codes are left out.
/// </summary>
public sealed class DocxFormat : ISourceFormat
{
    /// <summary>The most characters of XML one part of a .docx may unpack to (a policy document's body is a few million at most).</summary>
    public const long MaxCharactersInPart = 20_000_000;

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public SourceText Load(string fileName, Stream content) => SourceFormats.Guard("Word (.docx)", () => Read(fileName, content));

    private SourceText Read(string fileName, Stream content)
    {
        using var buffer = SourceFormats.Buffer(content);
        if (IsCompoundFile(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            throw new SourceFormatException("an old binary Word (.doc) file or a password-protected .docx: save it as an unprotected .docx first");
        }

        WordprocessingDocument document;
        try
        {
            // Each part is read with a bound: a small .docx can unpack into gigabytes of XML (a zip bomb).
            document = WordprocessingDocument.Open(buffer, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SourceFormatException($"not a readable Word (.docx) file, it may be corrupt or truncated ({e.Message})", e);
        }

        using (document)
        {
            var main = document.MainDocumentPart ?? throw new SourceFormatException("the Word file has no main document part");
            Body body;
            try
            {
                body = main.Document?.Body ?? throw new SourceFormatException("the Word file has no body");
            }
            catch (Exception e) when (e is System.Xml.XmlException && e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            {
                throw new SourceFormatException($"Word 文件的正文展开后超过 {MaxCharactersInPart / 1_000_000} 百万个字符（可能是压缩炸弹），没有读取", e);
            }
            catch (Exception e) when (e is not SourceFormatException and not OutOfMemoryException)
            {
                throw new SourceFormatException($"the Word file's document.xml cannot be read, it may be corrupt ({e.Message})", e);
            }

            var writer = new Writer(new ListNumbering(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles));
            writer.Blocks(body.ChildElements);
            return new SourceText(fileName, writer.Text, null, []);
        }
    }

    /// <summary>OLE compound files (D0 CF 11 E0) hold .doc files and encrypted .docx packages.</summary>
    private static bool IsCompoundFile(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private sealed class Writer(ListNumbering numbering)
    {
        private readonly List<string> _lines = [];

        public string Text => string.Join("\n", _lines);

        public void Blocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        _lines.Add(ParagraphText(paragraph));
                        break;
                    case Table table:
                        _lines.AddRange(TaskTable.Render(Rows(table)));
                        break;
                    case SdtBlock sdt:
                        Blocks(sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>());
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom.ChildElements);
                        break;
                }
            }
        }

        private string ParagraphText(Paragraph paragraph)
        {
            var number = numbering.Next(paragraph);
            var text = new StringBuilder();
            Inline(paragraph, text);
            return number.Length == 0 ? text.ToString() : number + text.ToString().TrimStart(' ', '\t', '\u3000');
        }

        /// <summary>The rows of a table as cell texts, merged cells filled in from the cell above.</summary>
        private List<IReadOnlyList<string>> Rows(Table table)
        {
            var rows = new List<IReadOnlyList<string>>();
            var above = new Dictionary<int, string>();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<TableCell>())
                {
                    var column = cells.Count;
                    var properties = cell.TableCellProperties;
                    var merge = properties?.VerticalMerge;
                    var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                    var text = continues ? above.GetValueOrDefault(column, string.Empty) : CellText(cell);

                    above[column] = text;
                    cells.Add(text);
                    var span = properties?.GridSpan?.Val?.Value ?? 1;
                    for (var extra = 1; extra < span; extra++)
                    {
                        above[cells.Count] = string.Empty;
                        cells.Add(string.Empty);
                    }
                }

                rows.Add(cells);
            }

            return rows;
        }

        private string CellText(TableCell cell)
        {
            var inner = new Writer(numbering);
            inner.Blocks(cell.ChildElements);
            return string.Join("\n", inner._lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        }

        private static void Inline(OpenXmlElement element, StringBuilder text)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append(' ');
                        break;
                    case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                        text.Append('\n');
                        break;
                    case CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case Run run when run.RunProperties?.Vanish is not null:
                        break;
                    case ParagraphProperties or RunProperties or DeletedRun or DeletedText or FieldCode or DeletedFieldCode
                        or Drawing or Picture or EmbeddedObject or AlternateContent:
                        break;
                    default:
                        if (child.LocalName != "AlternateContent" && child.HasChildren)
                        {
                            Inline(child, text);
                        }

                        break;
                }
            }
        }
    }
}
