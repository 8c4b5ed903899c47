using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Reading.Syntax;
using Spectre.Console;

namespace PolicyLedger.Cli.Output;

/// <summary>
/// The terminal form of a comparison (Spectre.Console, which measures the width of Chinese characters): one row per
/// pair with short texts, the relation and the differing figures; then the items on one side only. Three or more
/// documents: one row per measure, one column per document.
/// </summary>
internal static class CompareTable
{
    private const int Excerpt = 24;

    public static void Write(PairwiseComparison c, TextWriter output)
    {
        var console = Console(output);
        console.WriteLine($"A：{Labels.Document(c.A)}");
        console.WriteLine($"B：{Labels.Document(c.B)}");
        console.WriteLine(Summary.Of(c));
        var table = new Table().Border(TableBorder.Square)
            .AddColumn("A 条目").AddColumn("A 内容").AddColumn("关系").AddColumn("数字差异").AddColumn("B 条目").AddColumn("B 内容").AddColumn(new TableColumn("相似度").RightAligned());
        foreach (var p in c.Pairs)
        {
            table.AddRow(
                Text(Labels.Item(p.A)),
                Text(Short(p.A)),
                Text(Labels.Chinese(p.Relation)),
                Text(string.Join("\n", p.Differences.Select(Labels.Difference))),
                Text(Labels.Items(p.B)),
                Text(string.Join("\n", p.B.Select(Short))),
                Text(p.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var a in c.OnlyInA)
        {
            table.AddRow(Text(Labels.Item(a)), Text(Short(a)), Text(Labels.OnlyInA), Text(string.Empty), Text(string.Empty), Text(string.Empty), Text(string.Empty));
        }

        foreach (var b in c.OnlyInB)
        {
            table.AddRow(Text(string.Empty), Text(string.Empty), Text(Labels.OnlyInB), Text(string.Empty), Text(Labels.Item(b)), Text(Short(b)), Text(string.Empty));
        }

        console.Write(table);
    }

    public static void Write(MultiComparison c, TextWriter output)
    {
        var console = Console(output);
        for (var k = 0; k < c.Documents.Count; k++)
        {
            console.WriteLine($"{(k == 0 ? "参照" : k.ToString(System.Globalization.CultureInfo.InvariantCulture))}：{Labels.Document(c.Documents[k])}");
        }

        console.WriteLine(Summary.Of(c));
        var table = new Table().Border(TableBorder.Square).AddColumn("措施").AddColumn("内容");
        foreach (var d in c.Documents)
        {
            table.AddColumn(new TableColumn(Markup.Escape(d.Name)));
        }

        var n = 0;
        foreach (var row in c.Rows)
        {
            n++;
            var cells = new List<Spectre.Console.Rendering.IRenderable> { Text(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Text(Short(row.Cells[row.Origin].Items[0])) };
            foreach (var cell in row.Cells)
            {
                if (!cell.Has)
                {
                    cells.Add(Text(Labels.Missing));
                    continue;
                }

                var lines = new List<string> { Labels.Items(cell.Items) + (cell.Relation is { } r ? " " + Labels.Chinese(r) : string.Empty) };
                lines.AddRange(cell.Differences.Select(Labels.Difference));
                cells.Add(Text(string.Join("\n", lines)));
            }

            table.AddRow(cells);
        }

        console.Write(table);
    }

    private static IAnsiConsole Console(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == System.Console.Out && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (output != System.Console.Out || System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    private static Text Text(string value) => new(value);

    private static string Short(PolicyItem item)
    {
        var text = ComparedDocument.TextOf(item);
        return text.Length <= Excerpt ? text : text[..(Excerpt - 1)] + "…";
    }
}
