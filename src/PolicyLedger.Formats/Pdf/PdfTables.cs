using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// Ruled tables read from positions: the rulings of a page (thin filled rectangles as browsers draw them, stroked
/// lines and cell rectangles as office programs draw them) that touch each other form a table when they make at least
/// two columns and one row. Column edges are the vertical rulings, row edges the horizontal ones; where a ruling is
/// missing between two cells they are one merged cell (a merged cell's text goes to every row it spans, as Word's
/// vertically merged cells are read, and to the first column it spans). Each cell's letters become its text: lines
/// that were wrapped are joined, a line that leaves room for the next line's start ends a line of the cell.
/// A table that goes on over a page break (the next page starts with a table of the same columns) is one table: a
/// repeated header row is dropped, and a first row without a number, split from the row above, is joined to it.
/// The rows then go through <see cref="TaskTable"/> as Word and HTML tables do.
/// </summary>
internal static class PdfTables
{
    private const double Thin = 2.5;
    private const double Touch = 2.5;

    /// <summary>A table of one page: its box and its cells' text, row by row.</summary>
    internal sealed record Grid(double Top, double Bottom, double Left, double Right, IReadOnlyList<double> Columns, List<string[]> Rows);

    /// <summary>The ruled tables of a page and the letters outside them.</summary>
    public static (List<Grid> Tables, List<Letter> Others) Read(List<Ruling> rulings, List<Letter> letters)
    {
        if (rulings.Count < 4)
        {
            return ([], letters);
        }

        var tables = new List<Grid>();
        var rest = letters;
        foreach (var cluster in Clusters(rulings))
        {
            var columns = Distinct(cluster.Where(r => r.Vertical).Select(r => r.Box.Centroid.X));
            var rows = Distinct(cluster.Where(r => !r.Vertical).Select(r => r.Box.Centroid.Y)).OrderDescending().ToList();
            if (columns.Count < 3 || rows.Count < 2)
            {
                continue;
            }

            var inside = rest.Where(l => Center(l) is var c && c.X > columns[0] && c.X < columns[^1] && c.Y < rows[0] && c.Y > rows[^1]).ToList();
            if (inside.Count == 0)
            {
                continue;
            }

            tables.Add(Cells(cluster, columns, rows, inside));
            var taken = inside.ToHashSet();
            rest = rest.Where(l => !taken.Contains(l)).ToList();
        }

        return (tables, rest);
    }

    /// <summary>The page's lines with a placeholder for each table, put in place by the table's top.</summary>
    public static List<PdfLine> Place(List<PdfLine> lines, IReadOnlyList<Grid> tables)
    {
        var placed = new List<PdfLine>(lines);
        foreach (var table in tables)
        {
            var index = placed.FindIndex(l => l.Baseline < table.Top);
            placed.Insert(index < 0 ? placed.Count : index, new PdfLine(string.Empty, table.Left, table.Right, table.Top, 0, Grid: table));
        }

        return placed;
    }

    /// <summary>
    /// Joins tables that go on over a page break (page furniture already removed): when a page's text ends with a
    /// table and the next page's starts with one of the same columns, the second one's rows go to the first (without
    /// the header repeated on the new page; a first row without a number, split from the row above, is joined to it).
    /// Then every table becomes its rendered rows, each a line of its own.
    /// </summary>
    public static void Render(List<List<PdfLine>> pages, double size)
    {
        for (var p = 1; p < pages.Count; p++)
        {
            var previous = pages.Take(p).LastOrDefault(page => page.Count > 0);
            if (previous is null || previous[^1].Grid is not { } before || pages[p].Count == 0 || pages[p][0].Grid is not { } after
                || before.Columns.Count != after.Columns.Count || before.Columns.Zip(after.Columns).Any(c => Math.Abs(c.First - c.Second) > 3))
            {
                continue;
            }

            var rows = after.Rows.ToList();
            if (rows.Count > 0 && before.Rows.Count > 0 && rows[0].SequenceEqual(before.Rows[0]))
            {
                rows.RemoveAt(0);
            }

            if (rows.Count > 0 && rows[0][0].Length == 0 && rows[0].Count(c => c.Length > 0) > 1 && before.Rows.Count > 0 && before.Rows[^1][0].Length > 0)
            {
                before.Rows[^1] = before.Rows[^1].Zip(rows[0], (a, b) => a + b).ToArray();
                rows.RemoveAt(0);
            }

            before.Rows.AddRange(rows);
            pages[p].RemoveAt(0);
        }

        foreach (var page in pages)
        {
            for (var i = page.Count - 1; i >= 0; i--)
            {
                if (page[i].Grid is { } table)
                {
                    var rendered = TaskTable.Render(table.Rows.Select(r => (IReadOnlyList<string>)r).ToList());
                    page.RemoveAt(i);
                    page.InsertRange(i, rendered.Select(text => new PdfLine(text, table.Left, table.Right, table.Top, size, Table: true)));
                }
            }
        }
    }

    private static Grid Cells(List<Ruling> rulings, List<double> columns, List<double> rows, List<Letter> letters)
    {
        var width = columns.Count - 1;
        var height = rows.Count - 1;
        // Merged cells: no ruling on the edge between two neighbouring cells.
        var region = new int[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                region[r, c] = r * width + c;
            }
        }

        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var mid = (rows[r] + rows[r + 1]) / 2;
                if (c + 1 < width && !Covered(rulings, vertical: true, columns[c + 1], mid))
                {
                    Relabel(region, region[r, c + 1], region[r, c]);
                }

                var center = (columns[c] + columns[c + 1]) / 2;
                if (r + 1 < height && !Covered(rulings, vertical: false, rows[r + 1], center))
                {
                    Relabel(region, region[r + 1, c], region[r, c]);
                }
            }
        }

        var byRegion = letters.GroupBy(l =>
        {
            var (x, y) = Center(l);
            var c = Math.Clamp(columns.FindLastIndex(e => e <= x), 0, width - 1);
            var r = Math.Clamp(rows.FindLastIndex(e => e >= y), 0, height - 1);
            return region[r, c];
        }).ToDictionary(g => g.Key, g => g.ToList());

        var table = new List<string[]>();
        for (var r = 0; r < height; r++)
        {
            var row = new string[width];
            for (var c = 0; c < width; c++)
            {
                var id = region[r, c];
                var firstColumn = c == 0 || region[r, c - 1] != id;
                row[c] = firstColumn && byRegion.TryGetValue(id, out var cell) ? CellText(cell, RightEdge(region, columns, r, c)) : string.Empty;
            }

            table.Add(row);
        }

        return new Grid(rows[0], rows[^1], columns[0], columns[^1], columns, table);
    }

    private static double RightEdge(int[,] region, List<double> columns, int r, int c)
    {
        var end = c;
        while (end + 1 < region.GetLength(1) && region[r, end + 1] == region[r, c])
        {
            end++;
        }

        return columns[end + 1];
    }

    private static void Relabel(int[,] region, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        for (var r = 0; r < region.GetLength(0); r++)
        {
            for (var c = 0; c < region.GetLength(1); c++)
            {
                if (region[r, c] == from)
                {
                    region[r, c] = to;
                }
            }
        }
    }

    /// <summary>A cell's text: its lines, joined where a line was wrapped, else separated by "\n".</summary>
    private static string CellText(List<Letter> letters, double right)
    {
        var lines = PageLines.Build(letters);
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0 && !LineBreaks.Wrapped(lines[i - 1], lines[i].Text, right))
            {
                text.Append('\n');
            }

            text.Append(lines[i].Text);
        }

        return text.ToString();
    }

    private static bool Covered(List<Ruling> rulings, bool vertical, double at, double across) =>
        rulings.Any(r => r.Vertical == vertical && (vertical
            ? Math.Abs(r.Box.Centroid.X - at) <= Touch && r.Box.Bottom - Touch <= across && r.Box.Top + Touch >= across
            : Math.Abs(r.Box.Centroid.Y - at) <= Touch && r.Box.Left - Touch <= across && r.Box.Right + Touch >= across));

    private static (double X, double Y) Center(Letter l) => ((l.StartBaseLine.X + PageLines.End(l)) / 2, l.StartBaseLine.Y + PageLines.Size(l) * 0.3);

    private static List<double> Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
        {
            if (result.Count == 0 || v - result[^1] > Touch)
            {
                result.Add(v);
            }
        }

        return result;
    }

    /// <summary>A table rule: a thin horizontal or vertical stroke.</summary>
    internal sealed record Ruling(PdfRectangle Box, bool Vertical);

    /// <summary>Thin filled rectangles and stroked lines or rectangle edges.</summary>
    public static List<Ruling> Rulings(Page page)
    {
        var rulings = new List<Ruling>();
        foreach (var path in page.Paths)
        {
            if (!path.IsFilled && !path.IsStroked)
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box)
                {
                    continue;
                }

                if (box.Height <= Thin && box.Width > Thin * 2)
                {
                    rulings.Add(new Ruling(box, Vertical: false));
                }
                else if (box.Width <= Thin && box.Height > Thin * 2)
                {
                    rulings.Add(new Ruling(box, Vertical: true));
                }
                else if (path.IsStroked && box.Width > Thin * 2 && box.Height > Thin * 2 && subpath.IsDrawnAsRectangle)
                {
                    rulings.Add(new Ruling(new PdfRectangle(box.Left, box.Top, box.Right, box.Top), Vertical: false));
                    rulings.Add(new Ruling(new PdfRectangle(box.Left, box.Bottom, box.Right, box.Bottom), Vertical: false));
                    rulings.Add(new Ruling(new PdfRectangle(box.Left, box.Bottom, box.Left, box.Top), Vertical: true));
                    rulings.Add(new Ruling(new PdfRectangle(box.Right, box.Bottom, box.Right, box.Top), Vertical: true));
                }
            }
        }

        return rulings;
    }

    /// <summary>Rulings that touch each other, transitively: one group per table.</summary>
    private static List<List<Ruling>> Clusters(List<Ruling> rulings)
    {
        var parent = Enumerable.Range(0, rulings.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var sorted = Enumerable.Range(0, rulings.Count).OrderBy(i => rulings[i].Box.Left).ToList();
        for (var a = 0; a < sorted.Count; a++)
        {
            var ra = rulings[sorted[a]].Box;
            for (var b = a + 1; b < sorted.Count && rulings[sorted[b]].Box.Left <= ra.Right + Touch; b++)
            {
                var rb = rulings[sorted[b]].Box;
                if (rb.Bottom <= ra.Top + Touch && rb.Top >= ra.Bottom - Touch)
                {
                    parent[Find(sorted[a])] = Find(sorted[b]);
                }
            }
        }

        return Enumerable.Range(0, rulings.Count).GroupBy(Find).Select(g => g.Select(i => rulings[i]).ToList()).ToList();
    }
}
