using PolicyLedger.Reading.Text;

namespace PolicyLedger.Comparison.Text;

/// <summary>
/// Character bigrams of Chinese policy text, the unit the comparison counts. Han characters and letters make words;
/// a run of digits (with its decimal point and per-cent sign) is one placeholder that no bigram crosses, so that a
/// measure reads the same whatever figure a place chose; punctuation and spaces separate. A bigram is packed into
/// one <see cref="uint"/> (first character in the high half).
/// </summary>
public static class Bigrams
{
    /// <summary>Every bigram of the text in order, duplicates included.</summary>
    public static IEnumerable<uint> Of(string text) => Of(text, 0, text.Length);

    /// <summary>Every bigram of <c>text[start..end)</c> in order.</summary>
    public static IEnumerable<uint> Of(string text, int start, int end)
    {
        var previous = '\0';
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (IsWordCharacter(c))
            {
                if (previous != '\0')
                {
                    yield return Pack(previous, c);
                }

                previous = c;
            }
            else
            {
                previous = '\0';
            }
        }
    }

    /// <summary>Counts of the bigrams of the text.</summary>
    public static Dictionary<uint, int> Count(string text, int start, int end)
    {
        var counts = new Dictionary<uint, int>();
        foreach (var g in Of(text, start, end))
        {
            counts[g] = counts.GetValueOrDefault(g) + 1;
        }

        return counts;
    }

    public static uint Pack(char first, char second) => ((uint)first << 16) | second;

    public static string Unpack(uint bigram) => new([(char)(bigram >> 16), (char)(bigram & 0xFFFF)]);

    /// <summary>Han ideographs and letters (Latin, full-width Latin) carry meaning; digits, punctuation and spaces do not.</summary>
    public static bool IsWordCharacter(char c) =>
        Cjk.IsHan(c) && !char.IsSurrogate(c) || c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';
}
