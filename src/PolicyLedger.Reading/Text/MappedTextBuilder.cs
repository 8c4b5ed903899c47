namespace PolicyLedger.Reading.Text;

/// <summary>Joins mapped pieces (folded lines) into one mapped text, the way a reader joins broken lines.</summary>
public sealed class MappedTextBuilder
{
    private readonly System.Text.StringBuilder _text = new();
    private readonly List<int> _map = [];
    private int _end;

    public int Length => _text.Length;

    public bool IsEmpty => _text.Length == 0;

    public char this[int index] => _text[index];

    public char Last => _text[^1];

    /// <summary>Appends a line; between two lines a space is kept only where neither side is CJK text.</summary>
    public MappedTextBuilder AppendLine(MappedText line)
    {
        if (line.Length == 0)
        {
            return this;
        }

        if (_text.Length > 0 && !Cjk.IsCjkLike(_text[^1]) && !Cjk.IsCjkLike(line.Text[0]))
        {
            _text.Append(' ');
            _map.Add(_end);
        }

        for (var i = 0; i < line.Length; i++)
        {
            _text.Append(line.Text[i]);
            _map.Add(line.SourceOffset(i));
        }

        _end = line.SourceOffset(line.Length);
        return this;
    }

    /// <summary>Appends a piece as it is (no space between pieces), each character mapped where it stood.</summary>
    public MappedTextBuilder Append(MappedText piece)
    {
        for (var i = 0; i < piece.Length; i++)
        {
            _text.Append(piece.Text[i]);
            _map.Add(piece.SourceOffset(i));
        }

        if (piece.Length > 0)
        {
            _end = piece.SourceOffset(piece.Length);
        }

        return this;
    }

    /// <summary>Appends text that the original does not hold (a label, a bracket a table cell implies), mapped to <paramref name="sourceOffset"/>.</summary>
    public MappedTextBuilder AppendLiteral(string text, int sourceOffset)
    {
        foreach (var c in text)
        {
            _text.Append(c);
            _map.Add(sourceOffset);
        }

        _end = Math.Max(_end, sourceOffset);
        return this;
    }

    public MappedText ToMappedText()
    {
        var map = new int[_map.Count + 1];
        _map.CopyTo(map);
        map[^1] = _end;
        return new MappedText(_text.ToString(), map);
    }
}
