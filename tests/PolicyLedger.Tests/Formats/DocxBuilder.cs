using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Writes real .docx files with DocumentFormat.OpenXml for the tests: paragraphs, Word-generated list numbers
/// (abstract lists and list instances with start overrides), tables with merged cells, a header and a footer.
/// </summary>
internal sealed class DocxBuilder
{
    /// <summary>A cell that continues the vertically merged cell above it.</summary>
    public const string MergedWithAbove = "\u0001merged";

    private const char NumberedMark = '\u0002';

    private readonly List<OpenXmlElement> _body = [];
    private readonly List<AbstractNum> _abstracts = [];
    private readonly List<NumberingInstance> _lists = [];
    private string? _header;
    private string? _footer;

    /// <summary>The outline of a government document: 一、 / （一） / 1. / （1）.</summary>
    public static (NumberFormatValues Format, string Text)[] GovernmentOutline { get; } =
    [
        (NumberFormatValues.ChineseCounting, "%1、"),
        (NumberFormatValues.ChineseCounting, "（%2）"),
        (NumberFormatValues.Decimal, "%3."),
        (NumberFormatValues.Decimal, "（%4）"),
    ];

    public int AbstractList(params (NumberFormatValues Format, string Text)[] levels)
    {
        var id = _abstracts.Count + 1;
        var abstractNum = new AbstractNum { AbstractNumberId = id };
        for (var i = 0; i < levels.Length; i++)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = levels[i].Format },
                new LevelText { Val = levels[i].Text },
                new LevelJustification { Val = LevelJustificationValues.Left })
            { LevelIndex = i });
        }

        _abstracts.Add(abstractNum);
        return id;
    }

    /// <summary>A list instance of an abstract list; with <paramref name="startAt"/>, its first level restarts there.</summary>
    public int List(int abstractId, int? startAt = null)
    {
        var id = _lists.Count + 1;
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = id };
        if (startAt is { } start)
        {
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 });
        }

        _lists.Add(instance);
        return id;
    }

    public DocxBuilder Paragraph(string text, int? list = null, int level = 0)
    {
        _body.Add(MakeParagraph(text, list, level));
        return this;
    }

    /// <summary>A table cell holding only a Word-generated number of the given list (an auto-numbered 序号 column).</summary>
    public static string NumberedCell(int list) => $"{NumberedMark}{list}";

    /// <summary>A table; a cell <see cref="MergedWithAbove"/> continues the cell above (vertical merge).</summary>
    public DocxBuilder Table(params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single })));
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var text = rows[r][c];
                var properties = new TableCellProperties();
                var mergesBelow = r + 1 < rows.Length && c < rows[r + 1].Length && rows[r + 1][c] == MergedWithAbove;
                if (text == MergedWithAbove)
                {
                    properties.Append(new VerticalMerge());
                    text = string.Empty;
                }
                else if (mergesBelow)
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }

                var cell = new TableCell(properties);
                if (text.StartsWith(NumberedMark))
                {
                    cell.Append(MakeParagraph(string.Empty, int.Parse(text[1..], System.Globalization.CultureInfo.InvariantCulture), 0));
                    row.Append(cell);
                    continue;
                }

                foreach (var line in text.Split('\n'))
                {
                    cell.Append(MakeParagraph(line, null, 0));
                }

                row.Append(cell);
            }

            table.Append(row);
        }

        _body.Add(table);
        return this;
    }

    public DocxBuilder Header(string text)
    {
        _header = text;
        return this;
    }

    public DocxBuilder Footer(string text)
    {
        _footer = text;
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var element in _body)
            {
                body.Append(element.CloneNode(true));
            }

            var section = new SectionProperties();
            if (_header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(MakeParagraph(_header, null, 0));
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            if (_footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(MakeParagraph(_footer, null, 0));
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            body.Append(section);
            main.Document = new Document(body);
            if (_abstracts.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering([.. _abstracts.Select(a => a.CloneNode(true)), .. _lists.Select(l => l.CloneNode(true))]);
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph MakeParagraph(string text, int? list, int level)
    {
        var paragraph = new Paragraph();
        if (list is { } numId)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })));
        }

        // Text split over several runs, as Word writes it after editing.
        var cut = text.Length / 2;
        foreach (var piece in new[] { text[..cut], text[cut..] }.Where(p => p.Length > 0))
        {
            paragraph.Append(new Run(new Text(piece) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }
}
