using PolicyLedger.Comparison.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Figures;

/// <summary>
/// A clause that names the things a target counts instead of giving their number: 力争甲科技、乙材料上市成功 says
/// "two listings" where another place writes 成功上市1家企业. Read from a clause (between <c>，。；：！？</c>) holding
/// two members or more joined by 、, no figure (no digit) and no word that leaves the list open or joins a member in
/// another way (等, 和, 及, 与, 或): then the number of members is the count. <see cref="Start"/> and
/// <see cref="Length"/> locate the clause in the text it was read from.
/// </summary>
public sealed record NamedList(string Clause, int Start, int Members)
{
    public int Length => Clause.Length;

    private const string ClauseEnds = "，。；：,;:！？!?\n";
    private const string Open = "等和及与或";

    /// <summary>The named lists of a text, in order.</summary>
    public static IReadOnlyList<NamedList> Read(string text)
    {
        var lists = new List<NamedList>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !ClauseEnds.Contains(text[i]))
            {
                continue;
            }

            if (Of(text, start, i) is { } list)
            {
                lists.Add(list);
            }

            start = i + 1;
        }

        return lists;
    }

    private static NamedList? Of(string text, int start, int end)
    {
        var clause = text[start..end];
        if (!clause.Contains('、') || clause.Any(c => char.IsDigit(c) || Open.Contains(c)))
        {
            return null;
        }

        var members = clause.Split('、');
        return members.All(m => m.Count(Bigrams.IsWordCharacter) >= 2) ? new NamedList(clause, start, members.Length) : null;
    }

    /// <summary>
    /// The share of what a count counts (the Han characters and letters of its clause's wording, boilerplate words and
    /// the year or date written before it left out) that this list's clause says: a list stands for a count only when it
    /// says at least half of it. The names must be names, not kinds of what is counted: the count's words may stand
    /// only before the first name or after the last (力争甲科技、乙材料上市成功), never inside the list
    /// (实施高新技术企业倍增计划、科技型中小企业“春笋”计划 names two programmes for firms, not two firms): otherwise 0.
    /// </summary>
    /// <param name="wording">What the count counts: <see cref="FigureComparer.Characters(Figure, Boilerplate)"/>.</param>
    public double Says(HashSet<char> wording, Boilerplate boilerplate)
    {
        var (from, to) = Names(wording, boilerplate);
        return Clause[from..to].Any(wording.Contains) ? 0 : Share(wording, Clause);
    }

    /// <summary>Where the names stand in the clause: between the boilerplate and the count's own words that open and close it.</summary>
    private (int From, int To) Names(HashSet<char> wording, Boilerplate boilerplate)
    {
        var mask = boilerplate.Mask(Clause, 0, Clause.Length);
        bool Around(int i) => mask[i] || wording.Contains(Clause[i]) || !Bigrams.IsWordCharacter(Clause[i]);
        var from = 0;
        while (from < Clause.Length && Clause[from] != '、' && Around(from))
        {
            from++;
        }

        var to = Clause.Length;
        while (to > from && Clause[to - 1] != '、' && Around(to - 1))
        {
            to--;
        }

        return (from, to);
    }

    /// <summary>The share of a count's wording (see <see cref="Says"/>) that <paramref name="clause"/> holds.</summary>
    public static double Share(HashSet<char> wording, string clause)
    {
        if (wording.Count == 0)
        {
            return 0;
        }

        var said = clause.ToHashSet();
        return (double)wording.Count(said.Contains) / wording.Count;
    }

    /// <summary>
    /// The list as a count of the unit of <paramref name="count"/>, to compare with it: its text the names as written
    /// (力争甲科技、乙材料上市成功 gives 甲科技、乙材料), without the boilerplate and the count's own words around them.
    /// </summary>
    public Figure AsCount(Figure count, Boilerplate boilerplate)
    {
        var (from, to) = Names(FigureComparer.Characters(count, boilerplate), boilerplate);
        var names = Clause[from..to];
        var q = count.Quantity!;
        var quantity = new Quantity(names, default, q.Kind, Members, q.Unit, q.Per, Bound.Exact, null);
        return new Figure(FigureKind.Quantity, names, Start + from, string.Empty, string.Empty, quantity, null);
    }

    /// <summary>Whether a figure counts things that a list could name instead: a count in 家, 个, 项, 所, 座, 处 or 条.</summary>
    public static bool IsCount(Figure figure) =>
        figure is { Kind: FigureKind.Quantity, IsLocated: true, Quantity: { Kind: QuantityKind.Measure, Per: null, High: null } q } && q.Unit is "家" or "个" or "项" or "所" or "座" or "处" or "条";
}
