namespace PolicyLedger.Comparison.Text;

/// <summary>The sentences of a text: the runs between <c>。；！？</c> (full or half width) and line breaks.</summary>
internal static class Sentences
{
    private const string Ends = "；;。！？!?\n";

    public static IEnumerable<(int Start, int End)> Of(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || Ends.Contains(text[i]))
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
