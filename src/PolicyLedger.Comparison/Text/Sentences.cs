namespace PolicyLedger.Comparison.Text;

/// <summary>The sentences of a text: the runs between <c>。；！？</c> (full or half width) and line breaks.</summary>
internal static class Sentences
{
    private const string Ends = "；;。！？!?\n";

    /// <summary>Whether a character ends a sentence.</summary>
    public static bool IsEnd(char c) => Ends.Contains(c);

    public static IEnumerable<(int Start, int End)> Of(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || IsEnd(text[i]))
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }
    }
}
