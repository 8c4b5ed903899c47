namespace PolicyLedger.Comparison.Figures;

/// <summary>
/// Thresholds and the tiers they name. A quantity written right before 的 (首次突破5亿元的, 5000万元以上的) is a
/// threshold: it names a class of beneficiaries, not an amount granted. A figure whose wording holds thresholds counts
/// for their tier (对首次突破5亿元的企业奖励50万元). Places list tiers in either order, and the wording of two tiers is
/// alike but for their thresholds, which the bigrams of the wording do not see (digits break them): two thresholds of
/// the same value in agreeing wording name the same class, and two figures whose wordings hold different thresholds
/// count for different tiers.
/// </summary>
internal static class Tiers
{
    /// <summary>
    /// Whether a figure is a threshold: a located quantity followed by 以上的 or 以下的 (a 含 in brackets aside), or by 的
    /// where its clause ends there, the figure carries its bound, or a verb of reaching stands right before it.
    /// </summary>
    public static bool IsThreshold(Figure f)
    {
        if (f is not { Kind: FigureKind.Quantity, IsLocated: true, List: null })
        {
            return false;
        }

        var after = f.After.Contains('含', StringComparison.Ordinal)
            ? f.After.Replace("（含）", string.Empty, StringComparison.Ordinal).Replace("(含)", string.Empty, StringComparison.Ordinal)
            : f.After;
        if (after.StartsWith("以上的", StringComparison.Ordinal) || after.StartsWith("以下的", StringComparison.Ordinal))
        {
            return true;
        }

        // 的 after the figure: a threshold when the clause ends there or a verb of reaching stands before it (首次突破5亿元的,
        // 年营业收入超过1亿元的企业), not when the figure says what is granted (契税总额50%的补贴).
        return after.StartsWith('的') && (after.Length == 1 || f.Text.EndsWith("以上", StringComparison.Ordinal) || f.Text.EndsWith("以下", StringComparison.Ordinal)
            || ReachingVerbs.Any(v => f.Before.EndsWith(v, StringComparison.Ordinal)));
    }

    private static readonly string[] ReachingVerbs = ["突破", "超过", "达到", "达", "满", "不低于", "不少于", "高于", "低于", "在", "为"];

    private static readonly HashSet<decimal> None = [];

    /// <summary>Which of the figures are thresholds (<see cref="IsThreshold"/>), read once for the matching and the tiers.</summary>
    public static bool[] Flags(IReadOnlyList<Figure> figures) => figures.Select(IsThreshold).ToArray();

    /// <summary>
    /// The values of the thresholds (other than the figure itself) that stand in each figure's wording (a shared empty set
    /// when there are none: never written to); <paramref name="flags"/> says which figures are thresholds.
    /// </summary>
    public static HashSet<decimal>[] Of(IReadOnlyList<Figure> figures, bool[] flags)
    {
        var thresholds = figures.Where((_, k) => flags[k]).ToList();
        var tiers = new HashSet<decimal>[figures.Count];
        if (thresholds.Count == 0)
        {
            Array.Fill(tiers, None);
            return tiers; // most items: no threshold, no tier
        }

        for (var k = 0; k < figures.Count; k++)
        {
            var f = figures[k];
            tiers[k] = [];
            if (f is not { IsLocated: true, List: null } || f.Before.Contains('\0', StringComparison.Ordinal))
            {
                continue; // a figure given respectively has its member; windows joined into one deadline have no one wording
            }

            var (from, to) = (f.Start - f.Before.Length, f.Start + f.Length + f.After.Length);
            foreach (var t in thresholds.Where(t => !ReferenceEquals(t, f) && t.Start >= from && t.Start + t.Length <= to))
            {
                tiers[k].Add(t.Quantity!.Value);
            }
        }

        return tiers;
    }

    /// <summary>Two thresholds of one value whose wording agrees enough name the same class: they are matched before any other pair.</summary>
    public static double Boost(double agreement, Figure f, Figure g, double floor) =>
        agreement >= floor && f.HasSameValueAs(g) ? agreement + 1 : agreement;

    /// <summary>
    /// The agreement of two compatible figures that are not both thresholds (<paramref name="thresholdF"/>,
    /// <paramref name="thresholdG"/>), with their tiers: half when one is a threshold and the other is not, or when their wordings name tiers that do not correspond (A's thresholds read through
    /// <paramref name="thresholds"/>, the values of B's thresholds they were matched with).
    /// </summary>
    public static double Adjust(double agreement, bool thresholdF, bool thresholdG, HashSet<decimal> tiersF, HashSet<decimal> tiersG, IReadOnlyDictionary<decimal, decimal> thresholds)
    {
        var otherRole = thresholdF != thresholdG;
        var otherTier = tiersF.Count > 0 && tiersG.Count > 0 && !tiersF.Select(v => thresholds.GetValueOrDefault(v, v)).Any(tiersG.Contains);
        return otherRole || otherTier ? agreement / 2 : agreement;
    }
}
