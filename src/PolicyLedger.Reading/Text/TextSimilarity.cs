using System.Security.Cryptography;
using System.Text;

namespace PolicyLedger.Reading.Text;

/// <summary>
/// How alike two pieces of policy text are, ignoring what does not change their meaning (whitespace, punctuation,
/// the width of letters and digits): the Dice coefficient of character bigrams, and a fingerprint that is the same for
/// texts that differ only in those.
/// </summary>
public static class TextSimilarity
{
    /// <summary>The letters and digits of a text, full-width forms made half-width: what similarity and fingerprints compare.</summary>
    public static string Core(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Dice coefficient of character bigrams of the two cores: 1 for the same text, 0 for nothing shared.</summary>
    public static double Dice(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = Core(a);
        var y = Core(b);
        if (x.Length < 2 || y.Length < 2)
        {
            return string.Equals(x.Length == 0 ? a.Trim() : x, y.Length == 0 ? b.Trim() : y, StringComparison.Ordinal) ? 1 : 0;
        }

        var counts = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var gram = (x[i], x[i + 1]);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        var common = 0;
        for (var i = 0; i + 1 < y.Length; i++)
        {
            var gram = (y[i], y[i + 1]);
            if (counts.TryGetValue(gram, out var n) && n > 0)
            {
                counts[gram] = n - 1;
                common++;
            }
        }

        return 2.0 * common / (x.Length - 1 + y.Length - 1);
    }

    /// <summary>16 hex digits of the SHA-256 of the text's core: equal for texts that differ only in whitespace and punctuation.</summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Core(text))))[..16];
}
