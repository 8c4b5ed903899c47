namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// One line of a page as set: its text (look-alike radicals already mapped back), left and right edges, baseline,
/// the font size most of its letters have, and whether most of its letters are red (a 红头). A line built from a
/// table row is <paramref name="Table"/>: it is never joined to its neighbours; <paramref name="Grid"/> holds a table
/// until its rows are rendered.
/// </summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size, bool Red = false, bool Table = false, PdfTables.Grid? Grid = null)
{
    /// <summary>A table row, or a table's place before its rows are rendered.</summary>
    public bool IsTable => Table || Grid is not null;

    public double Width => Right - Left;
}
