using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyLedger.Tests.Formats.Producers;

/// <summary>What a block of a laid-out document is; each kind has the look offices give it.</summary>
internal enum BlockKind
{
    /// <summary>The 红头: the issuer's name in large red type, centred.</summary>
    RedHeader,

    /// <summary>The 文号, centred under the red header.</summary>
    DocNumber,

    /// <summary>The title, centred in large type (may be given on several lines).</summary>
    Title,

    /// <summary>主送, at the left margin.</summary>
    Addressee,

    /// <summary>A heading of the body (一、…, （一）…), in the body's type.</summary>
    Heading,

    /// <summary>A heading centred on its own line (附件, a part title).</summary>
    CentredHeading,

    /// <summary>A body paragraph (an item, a sentence).</summary>
    Body,

    /// <summary>The signature or the date, at the right.</summary>
    Right,

    /// <summary>A table: the first row is the header, repeated on each page.</summary>
    Table,

    /// <summary>A page break before the next block.</summary>
    PageBreak,
}

internal sealed record Block(BlockKind Kind, string Text, IReadOnlyList<string[]>? Rows = null);

/// <summary>A page size and its margins in millimetres.</summary>
internal sealed record PageSetup(string Name, double Width, double Height, double Top, double Side)
{
    public static PageSetup A4 { get; } = new("A4", 210, 297, 37, 28);

    public static PageSetup Letter { get; } = new("Letter", 215.9, 279.4, 25, 30);

    public static PageSetup A5 { get; } = new("A5", 148, 210, 18, 15);
}

/// <summary>How paragraphs are told apart: a first-line indent of two characters, spacing between them, or neither.</summary>
internal enum ParagraphStyle
{
    Indent,
    Spacing,
    Plain,
}

/// <summary>
/// A document written for the PDF tests (invented places and units), laid out as offices lay them out, and rendered
/// as a web page for Chromium (CSS page size and margins, @page margin boxes for the running head and "— N —") and as
/// a Word file for LibreOffice (section page size and margins, header, footer with a PAGE field, repeated table
/// header rows). Both are real files the producers print as a user's would be printed.
/// </summary>
internal sealed record LayoutDocument(string Name, PageSetup Page, ParagraphStyle Style, string? RunningHead, bool PageNumbers, IReadOnlyList<Block> Blocks, double BodySize = 15)
{
    public string Html()
    {
        var indent = Style == ParagraphStyle.Indent ? "2em" : "0";
        var spacing = Style == ParagraphStyle.Spacing ? "0.6em" : "0";
        var css = new StringBuilder();
        css.Append(CultureInfo.InvariantCulture, $"@page {{ size: {Page.Width}mm {Page.Height}mm; margin: {Page.Top}mm {Page.Side}mm;");
        if (RunningHead is not null)
        {
            css.Append(CultureInfo.InvariantCulture, $" @top-center {{ content: \"{RunningHead}\"; font-size: 9pt; }}");
        }

        if (PageNumbers)
        {
            css.Append(" @bottom-center { content: \"— \" counter(page) \" —\"; font-size: 12pt; }");
        }

        css.Append(" }\n");
        css.Append(CultureInfo.InvariantCulture, $"body {{ font-family: 'Noto Serif CJK SC', serif; font-size: {BodySize}pt; line-height: 1.45; margin: 0; }}\n");
        css.Append(CultureInfo.InvariantCulture, $"p {{ margin: 0 0 {spacing} 0; text-indent: {indent}; text-align: justify; }}\n");
        css.Append(".red { color: #d40000; font-size: 30pt; text-align: center; text-indent: 0; letter-spacing: 4pt; margin-bottom: 0.4em; }\n");
        css.Append(".num, .centred { text-align: center; text-indent: 0; }\n");
        css.Append(".title { font-size: 21pt; text-align: center; text-indent: 0; margin: 0.3em 0; }\n");
        css.Append(".addr { text-indent: 0; }\n.right { text-align: right; text-indent: 0; margin-right: 2em; }\n");
        css.Append("table { border-collapse: collapse; width: 100%; margin: 0.5em 0; } th, td { border: 1px solid #000; font-size: 11pt; padding: 2pt 4pt; vertical-align: top; }\n");
        css.Append("thead { display: table-header-group; } tr { break-inside: avoid; }\n");

        var body = new StringBuilder();
        var breakBefore = false;
        foreach (var block in Blocks)
        {
            var pageBreak = breakBefore ? " style=\"break-before: page\"" : "";
            breakBefore = false;
            switch (block.Kind)
            {
                case BlockKind.PageBreak:
                    breakBefore = true;
                    continue;
                case BlockKind.Table:
                    body.Append(CultureInfo.InvariantCulture, $"<table{pageBreak}><thead><tr>{string.Concat(block.Rows![0].Select(c => $"<th>{Encode(c)}</th>"))}</tr></thead><tbody>\n");
                    foreach (var row in block.Rows.Skip(1))
                    {
                        body.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Encode(c)}</td>"))).Append("</tr>\n");
                    }

                    body.Append("</tbody></table>\n");
                    continue;
                default:
                    var cssClass = block.Kind switch
                    {
                        BlockKind.RedHeader => "red",
                        BlockKind.DocNumber => "num",
                        BlockKind.Title => "title",
                        BlockKind.Addressee => "addr",
                        BlockKind.CentredHeading => "centred",
                        BlockKind.Right => "right",
                        _ => "",
                    };
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"{cssClass}\"{pageBreak}>{Encode(block.Text)}</p>\n");
                    continue;
            }
        }

        return $"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(Name)}</title><style>\n{css}</style></head><body>\n{body}</body></html>\n";
    }

    public byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var breakBefore = false;
            foreach (var block in Blocks)
            {
                if (block.Kind == BlockKind.PageBreak)
                {
                    breakBefore = true;
                    continue;
                }

                if (block.Kind == BlockKind.Table)
                {
                    if (breakBefore)
                    {
                        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    }

                    body.Append(WordTable(block.Rows!));
                }
                else
                {
                    body.Append(WordParagraph(block, breakBefore));
                }

                breakBefore = false;
            }

            var section = new SectionProperties();
            if (RunningHead is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(new Paragraph(
                    new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                    new Run(new RunProperties(new FontSize { Val = "18" }), new Text(RunningHead))));
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            if (PageNumbers)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(new Paragraph(
                    new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                    new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
                    new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                    new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            section.Append(new PageSize { Width = Twips(Page.Width), Height = Twips(Page.Height) });
            section.Append(new PageMargin
            {
                Top = (int)Twips(Page.Top), Bottom = (int)Twips(Page.Top), Left = Twips(Page.Side), Right = Twips(Page.Side),
                Header = 567, Footer = 567, Gutter = 0,
            });
            body.Append(section);
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The document as plain text, one line per block (a table's rows as TaskTable writes them is not attempted).</summary>
    public IEnumerable<string> Lines() => Blocks.Where(b => b.Kind is not BlockKind.PageBreak and not BlockKind.Table).Select(b => b.Text);

    private Paragraph WordParagraph(Block block, bool pageBreakBefore)
    {
        var properties = new ParagraphProperties();
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }

        var spacingAfter = Style == ParagraphStyle.Spacing ? "160" : "0";
        properties.Append(new SpacingBetweenLines { After = spacingAfter, Before = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto });
        var (justification, size, red) = block.Kind switch
        {
            BlockKind.RedHeader => (JustificationValues.Center, 30.0, true),
            BlockKind.DocNumber or BlockKind.CentredHeading => (JustificationValues.Center, BodySize, false),
            BlockKind.Title => (JustificationValues.Center, 21.0, false),
            BlockKind.Right => (JustificationValues.Right, BodySize, false),
            _ => (JustificationValues.Both, BodySize, false),
        };
        if (block.Kind == BlockKind.Body && Style == ParagraphStyle.Indent)
        {
            properties.Append(new Indentation { FirstLine = Twips(BodySize * 2 * 25.4 / 72).ToString(CultureInfo.InvariantCulture) });
        }

        if (block.Kind == BlockKind.Right)
        {
            properties.Append(new Indentation { Right = Twips(BodySize * 2 * 25.4 / 72).ToString(CultureInfo.InvariantCulture) });
        }

        properties.Append(new Justification { Val = justification });
        var runProperties = new RunProperties(
            new RunFonts { Ascii = "Noto Serif CJK SC", HighAnsi = "Noto Serif CJK SC", EastAsia = "Noto Serif CJK SC" },
            new FontSize { Val = ((int)(size * 2)).ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = ((int)(size * 2)).ToString(CultureInfo.InvariantCulture) });
        if (red)
        {
            runProperties.Append(new Color { Val = "D40000" });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(block.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private Table WordTable(IReadOnlyList<string[]> rows)
    {
        static BorderType Line<TBorder>()
            where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4, Color = "000000" };

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Line<TopBorder>(), Line<BottomBorder>(), Line<LeftBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            if (r == 0)
            {
                row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
            }
            else
            {
                row.Append(new TableRowProperties(new CantSplit()));
            }

            foreach (var cell in rows[r])
            {
                var tableCell = new TableCell();
                foreach (var line in cell.Split('\n'))
                {
                    tableCell.Append(new Paragraph(
                        new ParagraphProperties(new SpacingBetweenLines { After = "0", Before = "0" }),
                        new Run(new RunProperties(new FontSize { Val = "22" }), new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
                }

                row.Append(tableCell);
            }

            table.Append(row);
        }

        return table;
    }

    private static uint Twips(double millimetres) => (uint)Math.Round(millimetres / 25.4 * 1440);

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
