using PolicyLedger.Comparison.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Figures;

/// <summary>
/// Finds the figures of a pair that count the same quantity and lists those whose values differ. Two figures count
/// the same quantity when they are compatible (same kind, unit and "per"; or both deadlines) and the wording of their
/// clauses agrees (weighted Dice of the clause bigrams, the figures left out) — enough of it
/// (<see cref="ComparisonOptions.SameQuantityWording"/>), or at all when each is the only figure of its unit in its
/// item; two deadlines that are each the only one of their item count the same period whatever their wording.
/// Figures are matched one to one, the best agreeing first. A figure given on one side only is no difference. A count
/// (家, 个, 项 …) one side gives as a number and the other as a list of names (<see cref="NamedList"/>: 成功上市1家企业 /
/// 力争甲科技、乙材料上市成功) is compared with the number of names, when the list's clause says at least half of what
/// the count counts and more of it than any figure of the other side's that could be compared with it.
/// </summary>
public static class FigureComparer
{
    public static IReadOnlyList<FigureDifference> Differences(
        PolicyItem aItem,
        IReadOnlyList<Figure> aFigures,
        IReadOnlyList<(PolicyItem Item, IReadOnlyList<Figure> Figures)> bItems,
        TermWeights weights,
        ComparisonOptions options,
        Boilerplate? boilerplate = null)
    {
        boilerplate ??= Boilerplate.Default;
        var candidates = new List<(double Agreement, int A, int BItem, int B, bool Alone)>();
        var located = aFigures.Where(f => f.IsLocated).ToList();
        var locatedB = bItems.Select(b => b.Figures.Where(f => f.IsLocated).ToList()).ToList();
        for (var k = 0; k < bItems.Count; k++)
        {
            var bFigures = locatedB[k];
            for (var x = 0; x < located.Count; x++)
            {
                for (var y = 0; y < bFigures.Count; y++)
                {
                    var (f, g) = (located[x], bFigures[y]);
                    if (!f.IsCompatibleWith(g))
                    {
                        continue;
                    }

                    var agreement = f.List is not null && g.List is not null ? MemberAgreement(f, g) : WordingAgreement(f, g, weights);
                    if (IsDeadline(f) && IsDeadline(g))
                    {
                        agreement = Math.Max(agreement, DeadlineAgreement(f, g, boilerplate));
                    }

                    var alone = located.Count(o => o.IsCompatibleWith(f)) == 1 && bFigures.Count(o => o.IsCompatibleWith(g)) == 1;
                    if (Kept(agreement, alone, f))
                    {
                        candidates.Add((agreement, x, k, y, alone)); // the tiers only lower an agreement: what fails now fails then
                    }
                }
            }
        }

        var usedA = new HashSet<int>();
        var usedB = new HashSet<(int, int)>();
        var differences = new List<(int Order, FigureDifference Difference)>();
        CountsSaidAsLists(aItem, located, bItems, locatedB, boilerplate, usedA, usedB, differences);

        // Thresholds first (首次突破5亿元的: they name the tiers), one value meeting the same value before any other pair;
        // then every other figure, the tiers its wording names read through the thresholds matched.
        var thresholds = new Dictionary<decimal, decimal>();
        var thresholdA = Tiers.Flags(located);
        var thresholdB = locatedB.Select(Tiers.Flags).ToList();
        bool BothThresholds((double Agreement, int A, int BItem, int B, bool Alone) c) => thresholdA[c.A] && thresholdB[c.BItem][c.B];
        Match(candidates.Where(BothThresholds)
            .Select(c => c with { Agreement = Tiers.Boost(c.Agreement, located[c.A], locatedB[c.BItem][c.B], options.SameQuantityWording) }), keepNext: true);
        var tiersA = Tiers.Of(located, thresholdA);
        var tiersB = locatedB.Select((figures, k) => Tiers.Of(figures, thresholdB[k])).ToList();
        Match(candidates.Where(c => !BothThresholds(c))
            .Select(c => c with { Agreement = Tiers.Adjust(c.Agreement, thresholdA[c.A], thresholdB[c.BItem][c.B], tiersA[c.A], tiersB[c.BItem][c.B], thresholds) }), keepNext: false);

        return differences.OrderBy(d => d.Order).Select(d => d.Difference).ToList();

        // The only deadline of each of two items that carry out one measure is that measure's deadline, however each words
        // it (2023年1月1日至12月31日，对… / 执行期限为…); an amount or a rate alone must still share a word.
        bool Kept(double agreement, bool alone, Figure f) =>
            agreement >= options.SameQuantityWording || (alone && (agreement > 0 || f.Kind == FigureKind.Time));

        void Match(IEnumerable<(double Agreement, int A, int BItem, int B, bool Alone)> pairs, bool keepNext)
        {
            var kept = pairs.Where(c => Kept(c.Agreement, c.Alone, located[c.A]));
            foreach (var c in kept.OrderByDescending(c => c.Agreement).ThenBy(c => c.A).ThenBy(c => c.BItem).ThenBy(c => c.B))
            {
                if (usedA.Contains(c.A))
                {
                    continue;
                }

                if (usedB.Contains((c.BItem, c.B)))
                {
                    // A figure whose most agreeing partner is matched to a figure it agrees with better is left unmatched, as
                    // the figures it was compared with count something else: it is not handed to its next partner. Thresholds
                    // are: the tiers of two places are the same classes in another order or with a boundary moved.
                    if (!keepNext)
                    {
                        usedA.Add(c.A);
                    }

                    continue;
                }

                usedA.Add(c.A);
                usedB.Add((c.BItem, c.B));

                var (f, g) = (located[c.A], locatedB[c.BItem][c.B]);
                if (BothThresholds(c))
                {
                    thresholds[f.Quantity!.Value] = g.Quantity!.Value;
                }

                if (!f.HasSameValueAs(g))
                {
                    differences.Add((f.Start, new FigureDifference(What(f, g, boilerplate), aItem, f, bItems[c.BItem].Item, g)));
                }
            }
        }
    }

    /// <summary>
    /// How far two figures given respectively count for the same member: 1 when their members are the same (国家级 and
    /// 国家级) or one begins the other (省 and 省级: the head shared by the last members may take a character of the
    /// member with it); members that hold numbers (thresholds: 1亿元、5亿元、10亿元) are the same when their numbers are, else
    /// none; other members by the Dice overlap of their bigrams. A member is read without the words around the list that
    /// the first and last members carry (<see cref="Members"/>).
    /// </summary>
    private static double MemberAgreement(Figure f, Figure g)
    {
        var (x, y) = (Members(f.List!, g.List!)[f.ListIndex], Members(g.List!, f.List!)[g.ListIndex]);
        if (x == y || (x.Length > 0 && y.Length > 0 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal))))
        {
            return 1;
        }

        var (nx, ny) = (Numbers(x), Numbers(y));
        if (nx.Length > 0 || ny.Length > 0)
        {
            return nx == ny ? 1 : 0;
        }

        return Overlap(Bigrams.Of(x).ToHashSet(), Bigrams.Of(y).ToHashSet());
    }

    /// <summary>The Dice overlap of two sets, unweighted: twice the shared members over both sets' sizes (0 for two empty sets).</summary>
    private static double Overlap<T>(HashSet<T> x, HashSet<T> y) => x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);

    /// <summary>The numbers written in a member (1亿元 → "1", 2.5万 → "2.5"), in order, joined by spaces.</summary>
    private static string Numbers(string member)
    {
        var numbers = new List<string>();
        var start = -1;
        for (var i = 0; i <= member.Length; i++)
        {
            var inNumber = i < member.Length && (char.IsAsciiDigit(member[i]) || (member[i] == '.' && start >= 0));
            if (inNumber && start < 0)
            {
                start = i;
            }
            else if (!inNumber && start >= 0)
            {
                numbers.Add(member[start..i].TrimEnd('.'));
                start = -1;
            }
        }

        return string.Join(' ', numbers);
    }

    /// <summary>
    /// The members of a list without the words around it: the first member is cut after the last word that opens a list
    /// (对新认定的国家级 → 国家级; 的, 为, 对 …), the last one before the head the other side's list ends with too
    /// (市级企业技术中心 and 省级企业技术中心的 share 企业技术中心: 市级), a closing 的 left out.
    /// </summary>
    private static string[] Members(IReadOnlyList<string> list, IReadOnlyList<string> other)
    {
        const string joints = "的为对在将由和及与等";
        var members = list.ToArray();
        var first = members[0];
        var cut = first.Length;
        while (cut > 0 && (Bigrams.IsWordCharacter(first[cut - 1]) || char.IsDigit(first[cut - 1]) || first[cut - 1] == '.') && !joints.Contains(first[cut - 1]))
        {
            cut--;
        }

        members[0] = first[cut..];
        var last = members[^1].TrimEnd('的');
        var otherLast = other[^1].TrimEnd('的');
        var shared = 0;
        while (shared < last.Length && shared < otherLast.Length && last[^(shared + 1)] == otherLast[^(shared + 1)])
        {
            shared++;
        }

        members[^1] = shared >= 2 && shared < last.Length ? last[..^shared] : last;
        return members;
    }

    /// <summary>A date something must be done by (…前, 延长至…, 截至…): a time with an end and no start.</summary>
    private static bool IsDeadline(Figure figure) => figure is { Kind: FigureKind.Time, Time: { Start: null, End: not null } };

    /// <summary>
    /// How far the wording of two deadlines agrees by characters: the Dice overlap of the Han characters of their
    /// clauses outside boilerplate words (and outside the 年, 月, 日 of dates). A deadline is worded around its verb in
    /// either order and in words of one or two characters (2023年4月30日前购买的商品房 / 购房日期延长至2023年3月31日,
    /// 缴纳 / 契税缴纳日期延长至…), where bigrams meet little; periods (a year, a range) keep the bigrams alone.
    /// </summary>
    private static double DeadlineAgreement(Figure f, Figure g, Boilerplate boilerplate) => Overlap(Characters(f, boilerplate), Characters(g, boilerplate));

    /// <summary>What a figure's clause says (<see cref="Characters(string, Boilerplate)"/> of its wording on both sides).</summary>
    internal static HashSet<char> Characters(Figure figure, Boilerplate boilerplate) => Characters(figure.Before + "\0" + figure.After, boilerplate);

    /// <summary>The Han characters and letters of a wording outside boilerplate words and outside the 年, 月, 日 written after a number.</summary>
    internal static HashSet<char> Characters(string text, Boilerplate boilerplate)
    {
        var mask = boilerplate.Mask(text, 0, text.Length);
        var characters = new HashSet<char>();
        for (var i = 0; i < text.Length; i++)
        {
            var afterNumber = i > 0 && char.IsDigit(text[i - 1]) && text[i] is '年' or '月' or '日';
            if (Bigrams.IsWordCharacter(text[i]) && !mask[i] && !afterNumber)
            {
                characters.Add(text[i]);
            }
        }

        return characters;
    }

    /// <summary>
    /// Counts one side gives as a number and the other as a list of names: each count (of A, then of B) whose wording is
    /// said better by a list of the other side than by any figure there that could be compared with it is taken by the
    /// list (<paramref name="usedA"/>, <paramref name="usedB"/>), and listed as a difference when the numbers differ.
    /// </summary>
    private static void CountsSaidAsLists(
        PolicyItem aItem,
        List<Figure> located,
        IReadOnlyList<(PolicyItem Item, IReadOnlyList<Figure> Figures)> bItems,
        List<List<Figure>> locatedB,
        Boilerplate boilerplate,
        HashSet<int> usedA,
        HashSet<(int, int)> usedB,
        List<(int Order, FigureDifference Difference)> differences)
    {
        var listsA = NamedList.Read(ComparedDocument.TextOf(aItem)).Select(l => (K: -1, List: l)).ToList();
        var listsB = Enumerable.Range(0, bItems.Count).SelectMany(k => NamedList.Read(ComparedDocument.TextOf(bItems[k].Item)).Select(l => (K: k, List: l))).ToList();
        for (var x = 0; x < located.Count; x++)
        {
            var f = located[x];
            if (ListFor(f, locatedB.SelectMany(g => g), listsB, boilerplate) is { } said)
            {
                usedA.Add(x);
                var g = said.List.AsCount(f, boilerplate);
                if (!f.HasSameValueAs(g))
                {
                    differences.Add((f.Start, new FigureDifference(What(f, g, boilerplate), aItem, f, bItems[said.K].Item, g)));
                }
            }
        }

        for (var k = 0; k < bItems.Count; k++)
        {
            for (var y = 0; y < locatedB[k].Count; y++)
            {
                var g = locatedB[k][y];
                if (ListFor(g, located, listsA, boilerplate) is { } said)
                {
                    usedB.Add((k, y));
                    var f = said.List.AsCount(g, boilerplate);
                    if (!f.HasSameValueAs(g))
                    {
                        differences.Add((f.Start, new FigureDifference(What(g, f, boilerplate), aItem, f, bItems[k].Item, g)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The list of the other side (with the index of its B item, -1 for A's) that stands for <paramref name="count"/>: the
    /// one saying most of the count's words, at least half of them and more than any figure of the other side that could
    /// be compared with the count (<paramref name="rivals"/>); null when there is none, or the figure is no count.
    /// </summary>
    private static (int K, NamedList List)? ListFor(Figure count, IEnumerable<Figure> rivals, List<(int K, NamedList List)> lists, Boilerplate boilerplate)
    {
        if (!NamedList.IsCount(count) || lists.Count == 0)
        {
            return null;
        }

        var wording = Characters(count, boilerplate);
        var rival = rivals.Where(count.IsCompatibleWith).Select(g => NamedList.Share(wording, g.Before + g.After)).DefaultIfEmpty(0).Max();
        var best = lists.Select(l => (l.K, l.List, Share: l.List.Says(wording, boilerplate))).MaxBy(c => c.Share);
        return best.Share >= 0.5 && best.Share > rival ? (best.K, best.List) : null;
    }

    /// <summary>
    /// How far the wording of two figures' clauses agrees, in [0, 1]: the mean of the weighted Dice overlap of their
    /// clause bigrams read as one bag (wording may move from before a figure to after it: 新增15家高新技术企业 /
    /// 新增高新技术企业15家) and read side by side (what stands before with what stands before, after with after, so
    /// that in "由30%提高至40%" the first figure agrees with the first).
    /// </summary>
    public static double WordingAgreement(Figure f, Figure g, TermWeights weights)
    {
        var bag = Dice([.. Bigrams.Of(f.Before), .. Bigrams.Of(f.After)], [.. Bigrams.Of(g.Before), .. Bigrams.Of(g.After)], weights);
        var before = (Set: new HashSet<uint>(Bigrams.Of(f.Before)), Other: new HashSet<uint>(Bigrams.Of(g.Before)));
        var after = (Set: new HashSet<uint>(Bigrams.Of(f.After)), Other: new HashSet<uint>(Bigrams.Of(g.After)));
        var (sharedBefore, totalBefore) = Overlap(before.Set, before.Other, weights);
        var (sharedAfter, totalAfter) = Overlap(after.Set, after.Other, weights);
        var total = totalBefore + totalAfter;
        var sides = total == 0 ? 0 : (sharedBefore + sharedAfter) / total;
        return (bag + sides) / 2;
    }

    private static double Dice(HashSet<uint> x, HashSet<uint> y, TermWeights weights)
    {
        var (shared, total) = Overlap(x, y, weights);
        return total == 0 ? 0 : shared / total;
    }

    /// <summary>Twice the weight of the shared bigrams, and the weight of both sets.</summary>
    private static (double Shared, double Total) Overlap(HashSet<uint> x, HashSet<uint> y, TermWeights weights)
    {
        double shared = 0, total = 0;
        foreach (var b in x)
        {
            total += weights[b];
            if (y.Contains(b))
            {
                shared += 2 * weights[b];
            }
        }

        foreach (var b in y)
        {
            total += weights[b];
        }

        return (shared, total);
    }

    /// <summary>
    /// What the two figures count in the documents' words: the wording their own clauses share that says most
    /// (<see cref="LongestCommonWording"/>), when it says something of its own (two characters or more outside
    /// boilerplate: 单户最高, 按增量部分 — the clause the figure stands in, not the condition before it, which the item's
    /// other figures share: 对新增首贷户给予贷款额1%的奖励，单户最高2万元); else the wording their clauses share with their
    /// conditions (首次认定的，给予20万元奖励: 首次认定); each tidied (<see cref="Tidy"/>); else A's clause. A time said in a
    /// clause of its own (2023年6月30日前，对…) is the measure's 期限.
    /// </summary>
    public static string What(Figure a, Figure b, Boilerplate? boilerplate = null)
    {
        boilerplate ??= Boilerplate.Default;
        if (a.Condition > 0 || b.Condition > 0)
        {
            var own = Shared(a.OwnBefore + "\0" + a.After, b.OwnBefore + "\0" + b.After, boilerplate);
            if (SaysSomething(own, boilerplate))
            {
                return own;
            }
        }

        var shared = Shared(a.Before + "\0" + a.After, b.Before + "\0" + b.After, boilerplate);
        if (shared.Length >= 2)
        {
            return shared;
        }

        var whole = (a.Before + a.After).Trim();
        return whole.Length > 0 ? whole : a.Kind == FigureKind.Time ? "期限" : a.Text;
    }

    /// <summary>The run of wording two texts share that says most, tidied.</summary>
    private static string Shared(string x, string y, Boilerplate boilerplate)
    {
        var (start, length) = LongestCommonWording(x, y, boilerplate);
        return Tidy(x, start, length);
    }

    /// <summary>Whether a wording holds two characters or more outside boilerplate words (单户最高: 单户; not 一次性奖励).</summary>
    private static bool SaysSomething(string wording, Boilerplate boilerplate)
    {
        var mask = boilerplate.Mask(wording, 0, wording.Length);
        var count = 0;
        for (var i = 0; i < wording.Length; i++)
        {
            if (!mask[i] && Bigrams.IsWordCharacter(wording[i]))
            {
                count++;
            }
        }

        return count >= 2;
    }

    /// <summary>Words a shared run begins with when a number stands just before it in the text: the number's unit (2023年力争…, 3—5个省级…, 10亿元以上工业企业).</summary>
    private static readonly string[] UnitsAfterNumber = ["以上", "以下", "左右", "万元", "亿元", "万人", "年", "月", "日", "个", "家", "项", "元", "万", "亿", "人", "次", "名", "所", "户", "张", "台", "套", "亩", "吨"];

    /// <summary>
    /// A shared run as a label: without the unit of a number it begins right after, a bound (以上, 以下) or a particle 的 it
    /// begins with, or a word that joins it to what follows (…的份额由, …投入强度达, …专业点和). Nothing is taken that
    /// would leave fewer than two characters.
    /// </summary>
    private static string Tidy(string text, int start, int length)
    {
        var run = text.Substring(start, length);
        if (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] is '%' or '％' or '—' or '-'))
        {
            var unit = UnitsAfterNumber.FirstOrDefault(u => run.StartsWith(u, StringComparison.Ordinal) && run.Length - u.Length >= 2);
            run = unit is null ? run : run[unit.Length..];
        }

        if (run.Length > 3 && (run.StartsWith("以上", StringComparison.Ordinal) || run.StartsWith("以下", StringComparison.Ordinal)))
        {
            run = run[2..]; // the bound of a figure before it (10亿元以上工业企业 / 规模以上工业企业)
        }

        if (run.Length > 2 && run[0] == '的')
        {
            run = run[1..];
        }

        return run.Length > 2 && run[^1] is '由' or '和' or '及' or '与' or '达' or '至' or '为' or '到' or '的' or '或' ? run[..^1] : run;
    }

    /// <summary>
    /// The run of word characters (Han, letters) both texts hold that says most: the most characters outside boilerplate
    /// words (生活补贴 before 给予), then the longest, then the first; where it starts in <paramref name="x"/>, and its length.
    /// </summary>
    private static (int Start, int Length) LongestCommonWording(string x, string y, Boilerplate boilerplate)
    {
        var mask = boilerplate.Mask(x, 0, x.Length);
        var best = (Content: 0, Length: 0, End: 0);
        var previous = new (int Length, int Content)[y.Length + 1];
        var current = new (int Length, int Content)[y.Length + 1];
        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                current[j] = x[i - 1] == y[j - 1] && Bigrams.IsWordCharacter(x[i - 1])
                    ? (previous[j - 1].Length + 1, previous[j - 1].Content + (mask[i - 1] ? 0 : 1))
                    : (0, 0);
                if (current[j].Content > best.Content || (current[j].Content == best.Content && current[j].Length > best.Length))
                {
                    best = (current[j].Content, current[j].Length, i);
                }
            }

            (previous, current) = (current, previous);
        }

        return (best.End - best.Length, best.Length);
    }
}
