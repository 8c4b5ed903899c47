using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Text;

/// <summary>
/// A string derived from the original text (lines joined, page footers and whitespace inside CJK text removed)
/// that remembers, for every character, where it stood in the original. Readers work on the derived string
/// and report spans in the original through <see cref="ToSource(int, int)"/>.
/// </summary>
public sealed class MappedText
{
    private readonly int[] _map;

    /// <param name="text">The derived string.</param>
    /// <param name="map">For each character of <paramref name="text"/>, its offset in the original; one more entry
    /// for the end (the offset just past the last character).</param>
    public MappedText(string text, int[] map)
    {
        if (map.Length != text.Length + 1)
        {
            throw new ArgumentException($"the map has {map.Length} entries for {text.Length} characters; it needs one more than the characters", nameof(map));
        }

        Text = text;
        _map = map;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>A text that is its own source (identity map), starting at <paramref name="offset"/> in the original.</summary>
    public static MappedText Identity(string text, int offset = 0)
    {
        var map = new int[text.Length + 1];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = offset + i;
        }

        return new MappedText(text, map);
    }

    /// <summary>The offset in the original of the character at <paramref name="index"/>.</summary>
    public int SourceOffset(int index) => _map[Math.Clamp(index, 0, Text.Length)];

    /// <summary>The span in the original that covers characters [start, start+length) of this text.</summary>
    public TextSpan ToSource(int start, int length)
    {
        if (length <= 0)
        {
            var at = SourceOffset(start);
            return new TextSpan(at, 0);
        }

        var first = SourceOffset(start);
        var last = SourceOffset(start + length - 1);
        return TextSpan.FromBounds(first, last + 1);
    }

    public MappedText Slice(int start, int length)
    {
        start = Math.Clamp(start, 0, Text.Length);
        length = Math.Clamp(length, 0, Text.Length - start);
        var map = new int[length + 1];
        Array.Copy(_map, start, map, 0, length);
        map[length] = start + length < Text.Length ? _map[start + length] : _map[Text.Length];
        return new MappedText(Text.Substring(start, length), map);
    }

    public MappedText Slice(int start) => Slice(start, Text.Length - start);

    public override string ToString() => Text;
}
