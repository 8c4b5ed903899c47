namespace PolicyLedger.Reading.Syntax;

/// <summary>A range of characters in the original (decoded) text of a file.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A value read from the text together with the span it was read from.</summary>
public sealed record Located<T>(T Value, TextSpan Span);
