namespace PolicyLedger.Comparison.Text;

/// <summary>
/// The words of policy boilerplate (<c>Text/boilerplate.txt</c>, shipped in the assembly): how a measure is said
/// (加强, 积极, 对…给予…补贴, 最高, 不超过), not what it is. Two measures written in one style share them whatever they
/// are about, so when items are paired the bigrams inside these words carry no weight; the words of the measure itself
/// (消费券, 保证金, 贴息, 专精特新) do. Immutable and thread-safe.
/// </summary>
public sealed class Boilerplate
{
    private readonly string[] _words;

    /// <summary>The words by their first character, so that a text is read once rather than once per word.</summary>
    private readonly Dictionary<char, string[]> _byFirst;

    private Boilerplate(IEnumerable<string> words)
    {
        // Longest first, so that 给予一次性 is found before 给予.
        _words = [.. words.Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        _byFirst = _words.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The list shipped with the comparison.</summary>
    public static Boilerplate Default { get; } = Load();

    /// <summary>No boilerplate: every bigram counts.</summary>
    public static Boilerplate None { get; } = new([]);

    public IReadOnlyList<string> Words => _words;

    /// <summary>A list from text in the format of <c>boilerplate.txt</c> (words separated by white space; '#' starts a comment).</summary>
    public static Boilerplate Parse(string text) => new(text.Split('\n')
        .Select(line => line.Split('#')[0])
        .SelectMany(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>For each character of <c>text[start..end)</c>, whether it stands inside a boilerplate word.</summary>
    public bool[] Mask(string text, int start, int end)
    {
        var mask = new bool[end - start];
        for (var i = start; i < end; i++)
        {
            if (!_byFirst.TryGetValue(text[i], out var words))
            {
                continue;
            }

            foreach (var word in words)
            {
                if (i + word.Length <= end && string.CompareOrdinal(text, i, word, 0, word.Length) == 0)
                {
                    Array.Fill(mask, true, i - start, word.Length);
                }
            }
        }

        return mask;
    }

    /// <summary>Counts of the bigrams of <c>text[start..end)</c> that do not stand inside one boilerplate word (both characters in it).</summary>
    public Dictionary<uint, int> CountContent(string text, int start, int end)
    {
        var mask = Mask(text, start, end);
        var counts = new Dictionary<uint, int>();
        var previous = -1;
        for (var i = start; i < end; i++)
        {
            if (!Bigrams.IsWordCharacter(text[i]))
            {
                previous = -1;
                continue;
            }

            if (previous >= 0 && !(mask[previous - start] && mask[i - start]))
            {
                var g = Bigrams.Pack(text[previous], text[i]);
                counts[g] = counts.GetValueOrDefault(g) + 1;
            }

            previous = i;
        }

        return counts;
    }

    private static Boilerplate Load()
    {
        using var stream = typeof(Boilerplate).Assembly.GetManifestResourceStream("PolicyLedger.Comparison.boilerplate.txt")
            ?? throw new InvalidOperationException("the boilerplate list is not in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
