using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>A paragraph of the body: the lines that belong together, joined, with the number mark that opens it.</summary>
internal sealed class Block(Marker? marker, int firstLine)
{
    private readonly MappedTextBuilder _text = new();
    private MappedText? _built;
    private bool? _hasClause;

    public Marker? Marker { get; } = marker;

    /// <summary>What is odd about the block's number (a gap, a restart without a heading), for the item it becomes.</summary>
    public Syntax.Diagnostic? NumberingNote { get; set; }

    public int FirstLine { get; } = firstLine;

    public int LastLine { get; private set; } = firstLine;

    /// <summary>Open brackets not yet closed in the text so far.</summary>
    public int Depth { get; private set; }

    /// <summary>The text so far ends with a complete responsibility clause: what follows is a new paragraph.</summary>
    public bool ClauseClosed { get; private set; }

    public string LastLineText { get; private set; } = string.Empty;

    public MappedText Text => _built ??= _text.ToMappedText();

    /// <summary>Whether the paragraph holds a responsibility clause (read once).</summary>
    public bool HasClause => _hasClause ??= ClauseFinder.HasClause(Text.Text);

    public void Append(SourceLine line)
    {
        _built = null;
        _hasClause = null;
        _text.AppendLine(line.Text);
        LastLine = line.Number;
        LastLineText = line.Text.Text;
        foreach (var c in line.Text.Text)
        {
            if (Cjk.IsOpenBracket(c))
            {
                Depth++;
            }
            else if (Cjk.IsCloseBracket(c) && Depth > 0)
            {
                Depth--;
            }
        }

        // Only a line that ends with a closing bracket (perhaps a full stop after it) can close a clause.
        ClauseClosed = Depth == 0 && EndsWithBracket(line.Text.Text) && ClauseFinder.EndsWithClause(Text);
    }

    /// <summary>Takes the text of a deeper block (a sub-point inside an item) into this one.</summary>
    public void Absorb(Block other)
    {
        _built = null;
        _hasClause = null;
        var text = other.Text;
        _text.AppendLine(text);
        LastLine = other.LastLine;
        LastLineText = other.LastLineText;
        ClauseClosed = other.ClauseClosed;
        Depth = other.Depth;
    }

    private static bool EndsWithBracket(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is '。' or '.' or '；' or ';' or ' ')
        {
            end--;
        }

        return end > 0 && Cjk.IsCloseBracket(line[end - 1]);
    }

    public override string ToString() => $"{Marker?.Written ?? "¶"} {Text.Text}";
}
