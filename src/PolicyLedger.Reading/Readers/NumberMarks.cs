using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// The number marks the reader opens headings and items at (一、 （一） 1. （1） 第X条 …), for the source formats that
/// must know where the reader will look for them: a PDF line that starts with one is not joined to the line above.
/// </summary>
public static class NumberMarks
{
    /// <summary>
    /// Whether a line (as extracted, whitespace inside CJK text allowed) starts with a number mark the reader reads.
    /// A mark followed by a digit ("8．2023年…", but also "29.1%" wrapped onto a new line) counts only with
    /// <paramref name="evenBeforeDigit"/>: only the numbering can tell those apart.
    /// </summary>
    public static bool StartsWithMark(string line, bool evenBeforeDigit = false)
    {
        var folded = TextNormalizer.Fold(line, 0, line.Length).Text;
        return Marker.Read(folded) is { } marker && (evenBeforeDigit || !marker.Ambiguous);
    }
}
