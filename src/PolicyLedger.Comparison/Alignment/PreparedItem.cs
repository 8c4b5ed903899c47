using PolicyLedger.Comparison.Figures;
using PolicyLedger.Comparison.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Alignment;

/// <summary>
/// An item ready to compare: the text compared (its task, the responsibility clause left out), its section, its vector,
/// its figures, and the vector of its lead and responsible units' names (<see cref="Departments"/>).
/// </summary>
internal sealed record PreparedItem(int Index, PolicyItem Item, string Text, string Section, SparseVector Vector, IReadOnlyList<Figure> Figures)
{
    /// <summary>The characters of the names of its lead and responsible units (商务局, 文化广电和旅游局 …); empty when it names none.</summary>
    public SparseVector Departments { get; init; } = SparseVector.Empty;
}

/// <summary>
/// Two lists of items prepared against one set of term weights (the inverse document frequency of each bigram over
/// the items of both), with every similarity the aligner needs computed once.
/// </summary>
internal sealed class PreparedPair
{
    private PreparedPair(PreparedItem[] a, PreparedItem[] b, TermWeights weights, TermWeights contentWeights, Boilerplate boilerplate, double departmentWeight)
    {
        _departmentWeight = departmentWeight;
        A = a;
        B = b;
        Weights = weights;
        ContentWeights = contentWeights;
        Boilerplate = boilerplate;
        Similarity = new double[a.Length, b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                Similarity[i, j] = Alike(a[i], b[j]);
            }
        }

        SiblingsA = Siblings(a);
        SiblingsB = Siblings(b);
        NearestSiblingA = Nearest(SiblingsA);
        NearestSiblingB = Nearest(SiblingsB);
        ChanceLevel = OutlierLevel(Similarity);
    }

    private readonly double _departmentWeight;

    public PreparedItem[] A { get; }

    public PreparedItem[] B { get; }

    /// <summary>Inverse document frequency of every bigram over the items of both lists (figures' wording is compared with these).</summary>
    public TermWeights Weights { get; }

    /// <summary>Inverse document frequency of the bigrams outside boilerplate words (the items' vectors and their sentences use these).</summary>
    public TermWeights ContentWeights { get; }

    public Boilerplate Boilerplate { get; }

    /// <summary>The vector of <c>text[start..end)</c> as the items' vectors are made: boilerplate left out, content weights.</summary>
    public SparseVector Content(string text, int start, int end) => SparseVector.FromCounts(Boilerplate.CountContent(text, start, end), ContentWeights);

    /// <summary>How alike A's item i and B's item j are (<see cref="Alike"/>).</summary>
    public double[,] Similarity { get; }

    /// <summary>
    /// For each item of A, its similarity to the most similar other item of A: how alike two different measures of
    /// one document can be. This is the null the aligner measures cross-document similarity against.
    /// </summary>
    public double[] NearestSiblingA { get; }

    public double[] NearestSiblingB { get; }

    /// <summary>How alike two items of A are (<see cref="Alike"/>; the diagonal is never used).</summary>
    public double[,] SiblingsA { get; }

    public double[,] SiblingsB { get; }

    /// <summary>
    /// The similarity a pair of items must exceed to stand out from the pairs of unrelated items (every pair that is
    /// neither its row's nor its column's best): a modified z-score of Iglewicz and Hoaglin,
    /// 0.6745 (s − median) / MAD, above 3.5 (with the mean absolute deviation × 1.2533 in place of a MAD of 0); 0 when
    /// no such pair exists. Over two long documents it is low; over two short documents written in one style it keeps
    /// chance likeness out.
    /// </summary>
    public double ChanceLevel { get; }

    public static PreparedPair Create(IReadOnlyList<PolicyItem> a, IReadOnlyList<PolicyItem> b, double departmentWeight = 0) => Create(a, b, Boilerplate.Default, departmentWeight);

    /// <summary>
    /// Prepares two lists of items. The vectors that pair items hold the bigrams of each item's task less those inside
    /// <paramref name="boilerplate"/> words, weighted by their inverse document frequency over those bigrams of both lists;
    /// <see cref="Weights"/> (used to compare figures' wording and sentences) are taken over every bigram. The units'
    /// vectors hold the characters of each item's lead and responsible units' names, weighted by their inverse
    /// document frequency over the items of both lists (局, 市, 县 weigh little, 商, 旅, 税 much); two
    /// items' similarity is their texts' cosine × (1 + <paramref name="departmentWeight"/> × their units' cosine)
    /// (<see cref="ComparisonOptions.DepartmentWeight"/>).
    /// </summary>
    public static PreparedPair Create(IReadOnlyList<PolicyItem> a, IReadOnlyList<PolicyItem> b, Boilerplate boilerplate, double departmentWeight = 0)
    {
        var textsA = a.Select(ComparedDocument.TextOf).ToArray();
        var textsB = b.Select(ComparedDocument.TextOf).ToArray();
        var contentA = textsA.Select(t => boilerplate.CountContent(t, 0, t.Length)).ToArray();
        var contentB = textsB.Select(t => boilerplate.CountContent(t, 0, t.Length)).ToArray();
        var contentWeights = TermWeights.FromDocuments([.. contentA, .. contentB]);
        var weights = TermWeights.FromDocuments([.. textsA.Select(t => Bigrams.Count(t, 0, t.Length)), .. textsB.Select(t => Bigrams.Count(t, 0, t.Length))]);
        var unitsA = a.Select(UnitCharacters).ToArray();
        var unitsB = b.Select(UnitCharacters).ToArray();
        var unitWeights = TermWeights.FromDocuments([.. unitsA, .. unitsB]);
        return new PreparedPair(
            Prepare(a, textsA, contentA, contentWeights, unitsA, unitWeights),
            Prepare(b, textsB, contentB, contentWeights, unitsB, unitWeights),
            weights,
            contentWeights,
            boilerplate,
            departmentWeight);
    }

    /// <summary>
    /// How alike two items are: the cosine of their texts, raised by the share of their lead and responsible units'
    /// names they have in common. The same measure is mostly carried out by the same kind of department in each place
    /// (商务局, 商务和投资促进局); a shared department alone never pairs items whose texts share nothing,
    /// and an item whose clause names no unit is compared by its text alone.
    /// </summary>
    public double Alike(PreparedItem x, PreparedItem y)
    {
        var text = x.Vector.Cosine(y.Vector);
        return _departmentWeight == 0 || text == 0 ? text : text * (1 + (_departmentWeight * x.Departments.Cosine(y.Departments)));
    }

    /// <summary>
    /// The characters of the names of an item's lead and responsible units as its clause writes them (cooperating units
    /// left out). Characters, not bigrams: a place or its level runs into the department's name (市商务局, 县商务局,
    /// 东山市商务局) and would make a bigram of its own on each side.
    /// </summary>
    private static Dictionary<uint, int> UnitCharacters(PolicyItem item)
    {
        var counts = new Dictionary<uint, int>();
        foreach (var role in item.Roles.Where(r => r.Role != Role.Cooperating))
        {
            foreach (var c in role.Mention.Where(Bigrams.IsWordCharacter))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        return counts;
    }

    public static string SectionOf(PolicyItem item) => string.Join('\u0001', item.Headings);

    private static PreparedItem[] Prepare(IReadOnlyList<PolicyItem> items, string[] texts, Dictionary<uint, int>[] counts, TermWeights weights, Dictionary<uint, int>[] units, TermWeights unitWeights) =>
        items.Select((item, i) => new PreparedItem(i, item, texts[i], SectionOf(item), SparseVector.FromCounts(counts[i], weights), FigureReader.Read(item, texts[i]))
        {
            Departments = SparseVector.FromCounts(units[i], unitWeights),
        }).ToArray();

    private double[,] Siblings(PreparedItem[] items)
    {
        var similarity = new double[items.Length, items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            for (var k = i + 1; k < items.Length; k++)
            {
                similarity[i, k] = similarity[k, i] = Alike(items[i], items[k]);
            }
        }

        return similarity;
    }

    private static double[] Nearest(double[,] siblings)
    {
        var n = siblings.GetLength(0);
        var nearest = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                if (k != i)
                {
                    nearest[i] = Math.Max(nearest[i], siblings[i, k]);
                }
            }
        }

        return nearest;
    }

    private static double OutlierLevel(double[,] similarity)
    {
        // The unrelated pairs: every cell that is neither its row's nor its column's best (those are the candidates).
        var n = similarity.GetLength(0);
        var m = similarity.GetLength(1);
        var best = new HashSet<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            var j = Enumerable.Range(0, m).DefaultIfEmpty(-1).MaxBy(j => j < 0 ? 0 : similarity[i, j]);
            best.Add((i, j));
        }

        for (var j = 0; j < m; j++)
        {
            var i = Enumerable.Range(0, n).DefaultIfEmpty(-1).MaxBy(i => i < 0 ? 0 : similarity[i, j]);
            best.Add((i, j));
        }

        var values = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (!best.Contains((i, j)))
                {
                    values.Add(similarity[i, j]);
                }
            }
        }

        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var median = Median(sorted);
        var deviations = sorted.Select(v => Math.Abs(v - median)).Order().ToArray();
        var mad = Median(deviations);
        var scale = mad > 0 ? mad / 0.6745 : deviations.Average() * 1.2533;
        return median + (3.5 * scale);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
