using PolicyLedger.Comparison.Figures;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Rendering;

/// <summary>A piece of an item's text, marked when it is a figure that differs from the other side.</summary>
public readonly record struct TextPiece(string Text, bool Marked);

/// <summary>Cuts an item's compared text into pieces so that renderers can mark the differing figures (HTML &lt;mark&gt;, rich text in a workbook).</summary>
public static class TextMarks
{
    /// <summary>The text of <paramref name="item"/> that was compared (its task), with <paramref name="figures"/> marked.</summary>
    public static IReadOnlyList<TextPiece> Pieces(PolicyItem item, IEnumerable<Figure> figures)
    {
        var text = ComparedDocument.TextOf(item);
        var spans = figures.Where(f => f.IsLocated && f.Start + f.Length <= text.Length)
            .Select(f => (f.Start, End: f.Start + f.Length))
            .Distinct()
            .OrderBy(s => s.Start)
            .ToList();
        var pieces = new List<TextPiece>();
        var at = 0;
        foreach (var (start, end) in spans)
        {
            if (start < at)
            {
                continue; // overlapping figures: the first one is marked
            }

            if (start > at)
            {
                pieces.Add(new TextPiece(text[at..start], false));
            }

            pieces.Add(new TextPiece(text[start..end], true));
            at = end;
        }

        if (at < text.Length)
        {
            pieces.Add(new TextPiece(text[at..], false));
        }

        return pieces;
    }

    /// <summary>The figures of A's item that differ in a pair.</summary>
    public static IEnumerable<Figure> OfA(IEnumerable<FigureDifference> differences) => differences.Select(d => d.A);

    /// <summary>The figures of one B item that differ from A.</summary>
    public static IEnumerable<Figure> OfB(IEnumerable<FigureDifference> differences, PolicyItem b) =>
        differences.Where(d => ReferenceEquals(d.BItem, b)).Select(d => d.B);
}
