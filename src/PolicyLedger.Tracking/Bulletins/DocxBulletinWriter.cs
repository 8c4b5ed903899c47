using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyLedger.Tracking.Bulletins;

/// <summary>
/// Writes a bulletin as .docx in the 公文 layout (GB/T 9704): A4 with 37/35/28/26 mm margins; the title centred in
/// 方正小标宋简体 二号; 主送 flush left; body in 仿宋_GB2312 三号 with a two-character first-line indent;
/// 一、 headings in 黑体, （一） headings in 楷体_GB2312; issuer and date at the right.
/// </summary>
public static class DocxBulletinWriter
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string Level1Font = "黑体";
    private const string Level2Font = "楷体_GB2312";
    private const string Size3 = "32"; // 三号 = 16 pt, in half-points
    private const string Size2 = "44"; // 二号 = 22 pt
    private const string TableSize = "24"; // 小四 = 12 pt

    public static void Write(Bulletin b, Stream output)
    {
        ArgumentNullException.ThrowIfNull(b);
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);

        body.Append(Para(b.Title, TitleFont, Size2, JustificationValues.Center, indent: false, spacingAfter: "640"));
        body.Append(Para(BulletinText.Addressees(b), BodyFont, Size3, JustificationValues.Left, indent: false));
        body.Append(Para(BulletinText.Opening(b), BodyFont, Size3));

        body.Append(Heading1(1, "总体情况"));
        body.Append(Para(BulletinText.Summary(b), BodyFont, Size3));
        if (BulletinText.IsEmpty(b))
        {
            body.Append(Heading1(2, "下步要求"));
            body.Append(Para(BulletinText.Requirements, BodyFont, Size3));
            Close(b, body, main);
            return;
        }

        body.Append(Table(BulletinText.CountHeaders, BulletinText.CountRows(b), [3000, 2000, 2000]));

        body.Append(Heading1(2, "各单位推进情况"));
        body.Append(Para(BulletinText.RankingLead(b), BodyFont, Size3));
        body.Append(Table(BulletinText.UnitHeaders, BulletinText.UnitRows(b), [560, 1900, 660, 660, 660, 600, 660, 900, 760, 600, 600]));

        body.Append(Heading1(3, "逾期事项（挂牌督办）"));
        body.Append(Para(BulletinText.OverdueLead(b), BodyFont, Size3));
        var n = 1;
        foreach (var (unit, items) in BulletinText.OverdueByUnit(b))
        {
            body.Append(Para($"（{BulletinText.ChineseNumber(n++)}）{unit}", Level2Font, Size3));
            foreach (var i in items)
            {
                body.Append(Para(BulletinText.OverdueLine(i), BodyFont, Size3));
            }
        }

        body.Append(Heading1(4, "报送情况"));
        body.Append(Para(BulletinText.LateLead(b), BodyFont, Size3));
        foreach (var u in b.LateUnits)
        {
            body.Append(Para(BulletinText.LateLine(u), BodyFont, Size3));
        }

        body.Append(Heading1(5, "下步要求"));
        body.Append(Para(BulletinText.Requirements, BodyFont, Size3));
        Close(b, body, main);
    }

    /// <summary>Issuer and date at the right, and the A4 page with 公文 margins.</summary>
    private static void Close(Bulletin b, Body body, MainDocumentPart main)
    {
        body.Append(Para("", BodyFont, Size3, indent: false));
        body.Append(Para(b.Issuer, BodyFont, Size3, JustificationValues.Right, indent: false, rightIndent: "1280"));
        body.Append(Para(BulletinText.Date(b.Date), BodyFont, Size3, JustificationValues.Right, indent: false, rightIndent: "1280"));

        // A4, 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm ≈ 56.7 twips).
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
        main.Document.Save();
    }

    public static void Write(Bulletin b, string path)
    {
        using var stream = File.Create(path);
        Write(b, stream);
    }

    private static Paragraph Heading1(int n, string text) =>
        Para($"{BulletinText.ChineseNumber(n)}、{text}", Level1Font, Size3);

    private static Paragraph Para(
        string text,
        string font,
        string size,
        JustificationValues? align = null,
        bool indent = true,
        string? spacingAfter = null,
        string? rightIndent = null)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, After = spacingAfter ?? "0" });
        if (indent || rightIndent is not null)
        {
            // Only the attributes that have a value: an empty w:right is invalid.
            var ind = new Indentation();
            if (indent)
            {
                ind.FirstLineChars = 200;
            }

            if (rightIndent is not null)
            {
                ind.Right = rightIndent;
            }

            props.Append(ind);
        }

        props.Append(new Justification { Val = align ?? JustificationValues.Both });
        return new Paragraph(props, new Run(RunProps(font, size), new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static RunProperties RunProps(string font, string size) =>
        new(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font }, new FontSize { Val = size });

    /// <summary>Text as XML can hold it: characters XML 1.0 forbids (control characters from a document) become spaces.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <param name="widths">Column widths in twips (a grid is required for other programs to read the table).</param>
    private static Table Table(string[] headers, IEnumerable<string[]> rows, int[] widths)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            border,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, bold: true, widths));
        foreach (var r in rows)
        {
            table.Append(Row(r, bold: false, widths));
        }

        return table;
    }

    private static TableRow Row(string[] cells, bool bold, int[] widths)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader { Val = bold ? OnOffOnlyValues.On : OnOffOnlyValues.Off }));
        for (var k = 0; k < cells.Length; k++)
        {
            var c = cells[k];
            var rp = RunProps(bold ? Level1Font : BodyFont, TableSize);
            var p = new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Line = "320", LineRule = LineSpacingRuleValues.Auto, After = "0" }, new Justification { Val = JustificationValues.Center }),
                new Run(rp, new Text(XmlSafe(c)) { Space = SpaceProcessingModeValues.Preserve }));
            var width = new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[Math.Min(k, widths.Length - 1)].ToString(System.Globalization.CultureInfo.InvariantCulture) };
            row.Append(new TableCell(new TableCellProperties(width, new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), p));
        }

        return row;
    }
}
