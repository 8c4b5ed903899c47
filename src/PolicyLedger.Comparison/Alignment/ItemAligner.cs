namespace PolicyLedger.Comparison.Alignment;

/// <summary>One link between A's item and B's item, by index.</summary>
internal readonly record struct Link(int A, int B, LinkKind Kind);

/// <summary>
/// Pairs the items of two documents that carry out the same measure. Stateless; small steps over the
/// similarity matrix of a <see cref="PreparedPair"/>:
/// <list type="number">
/// <item><b>Anchors.</b> A and B items that are each other's most similar item (mutual best), above the chance level of
/// the unrelated pairs (<see cref="PreparedPair.ChanceLevel"/>), and more similar to each other than either is to any
/// item of its own document. A document never states a measure twice, so its own items show how alike two different
/// measures can be; a counterpart must beat that.</item>
/// <item><b>Sections.</b> The anchors show which section of A corresponds to which of B (the one that holds most of
/// its anchors). Any other mutual best pair above the chance level is kept when its sections correspond.</item>
/// <item><b>Order.</b> Inside a gap between two links that keep the order, unpaired items that are each other's most
/// similar within the gap, above the chance level, one of them the other's most similar overall, are paired.</item>
/// <item><b>Splits.</b> An unpaired B item whose most similar A item is paired with a B item standing beside it
/// (<see cref="ComparisonOptions.SiblingDistance"/>) joins that pair when it holds a word of the A item that the
/// parts so far lack, is more like the A item than like any item of its own document outside the parts, and adds more
/// of the A item to the parts than any other item of its document would (the best complement, not one more item on the
/// same subject). An item standing between two parts is spared the best-complement test.</item>
/// <item><b>Bundles.</b> The same from A's side: an unpaired A item joins the pair of the B item it is most like, when
/// it stands beside that item's A partner. Splits and bundles repeat until nothing changes.</item>
/// <item><b>Parts far apart.</b> A candidate standing further from the parts passes the same test when at least half of
/// it is said in the target, sentence by sentence (<see cref="SentenceAlignment"/>): the sentences of a long item that
/// bundles two distant measures each have their counterpart in one of them.</item>
/// <item><b>Parts beside, by sentences.</b> When nothing more joins, an unpaired item standing beside a part joins that
/// part's group when at least half of it is said in the group's target sentence by sentence, counterparts above the
/// chance level only; its most similar item may be another (a long bundle is diluted by its other measures).</item>
/// </list>
/// Order and headings help (sections, neighbours) but do not decide: a measure moved to another section is still
/// found as an anchor.
/// </summary>
internal static class ItemAligner
{
    public static IReadOnlyList<Link> Align(PreparedPair pair, ComparisonOptions options)
    {
        var n = pair.A.Length;
        var m = pair.B.Length;
        var s = pair.Similarity;
        var bestForA = new int[n];
        var bestForB = new int[m];
        for (var i = 0; i < n; i++)
        {
            bestForA[i] = ArgMax(m, j => s[i, j]);
        }

        for (var j = 0; j < m; j++)
        {
            bestForB[j] = ArgMax(n, i => s[i, j]);
        }

        var links = new List<Link>();
        var weak = new List<(int A, int B)>();
        for (var i = 0; i < n; i++)
        {
            var j = bestForA[i];
            if (j < 0 || bestForB[j] != i || s[i, j] <= pair.ChanceLevel)
            {
                continue;
            }

            if (s[i, j] > Math.Max(pair.NearestSiblingA[i], pair.NearestSiblingB[j]))
            {
                links.Add(new Link(i, j, LinkKind.Anchor));
            }
            else
            {
                weak.Add((i, j));
            }
        }

        var corresponding = CorrespondingSections(pair, links);
        links.AddRange(weak.Where(w => corresponding.Contains((pair.A[w.A].Section, pair.B[w.B].Section)))
            .Select(w => new Link(w.A, w.B, LinkKind.Section)));

        FillGaps(pair, links, bestForA, bestForB);
        AddSplitsAndBundles(pair, links, bestForA, bestForB, options);
        return links.OrderBy(l => l.A).ThenBy(l => l.B).ToList();
    }

    /// <summary>Section pairs that correspond: for each section, the section of the other document holding most of its anchors' counterparts.</summary>
    private static HashSet<(string, string)> CorrespondingSections(PreparedPair pair, List<Link> anchors)
    {
        var counts = anchors.GroupBy(l => (A: pair.A[l.A].Section, B: pair.B[l.B].Section)).ToDictionary(g => g.Key, g => g.Count());
        var corresponding = new HashSet<(string, string)>();
        foreach (var side in new[] { true, false })
        {
            foreach (var group in counts.GroupBy(c => side ? c.Key.A : c.Key.B))
            {
                var most = group.Max(c => c.Value);
                foreach (var c in group.Where(c => c.Value == most))
                {
                    corresponding.Add((c.Key.A, c.Key.B));
                }
            }
        }

        return corresponding;
    }

    /// <summary>
    /// Order as a prior: local versions follow their source's order with local moves. The links taken in A's order, each
    /// kept as a bound when its B item follows the last bound's, cut both documents into gaps; an A item and a B item left
    /// unpaired inside a gap between two bounds that are each other's most similar item within the gap, above the chance
    /// level, and one of them the other's most similar item overall, are paired. Before the first and after the last
    /// bound there is no order to go by and nothing is paired. Repeated until no gap yields a pair.
    /// </summary>
    private static void FillGaps(PreparedPair pair, List<Link> links, int[] bestForA, int[] bestForB)
    {
        var s = pair.Similarity;
        bool changed;
        do
        {
            changed = false;
            var pairedA = links.Select(l => l.A).ToHashSet();
            var pairedB = links.Select(l => l.B).ToHashSet();
            var ordered = links.OrderBy(l => l.A).ThenBy(l => l.B).ToList();
            var bounds = new List<(int A, int B)>();
            foreach (var l in ordered)
            {
                if (bounds.Count == 0 || (l.A > bounds[^1].A && l.B > bounds[^1].B))
                {
                    bounds.Add((l.A, l.B));
                }
            }

            for (var k = 0; k + 1 < bounds.Count; k++)
            {
                var gapA = Enumerable.Range(bounds[k].A + 1, bounds[k + 1].A - bounds[k].A - 1).Where(i => !pairedA.Contains(i)).ToList();
                var gapB = Enumerable.Range(bounds[k].B + 1, Math.Max(0, bounds[k + 1].B - bounds[k].B - 1)).Where(j => !pairedB.Contains(j)).ToList();
                foreach (var i in gapA)
                {
                    var j = gapB.Count == 0 ? -1 : gapB.MaxBy(j => s[i, j]);
                    if (j >= 0 && s[i, j] > pair.ChanceLevel && gapA.MaxBy(x => s[x, j]) == i && (bestForA[i] == j || bestForB[j] == i))
                    {
                        links.Add(new Link(i, j, LinkKind.Order));
                        changed = true;
                        break;
                    }
                }

                if (changed)
                {
                    break;
                }
            }
        }
        while (changed);
    }

    private static void AddSplitsAndBundles(PreparedPair pair, List<Link> links, int[] bestForA, int[] bestForB, ComparisonOptions options)
    {
        var distance = options.SiblingDistance;
        var sentences = new Lazy<SentenceAlignment>(() => SentenceAlignment.Of(pair, options.FarPartSentenceSimilarity));
        var splits = new Side(pair.B, pair.A, pair.SiblingsB, bestForB, (j, i) => new Link(i, j, LinkKind.Split), l => l.B, l => l.A, (j, i) => pair.Similarity[i, j], (j, i) => sentences.Value.ShareOfB(i, j), (j, i) => sentences.Value.ShareOfBAtChance(i, j));
        var bundles = new Side(pair.A, pair.B, pair.SiblingsA, bestForA, (i, j) => new Link(i, j, LinkKind.Bundle), l => l.A, l => l.B, (i, j) => pair.Similarity[i, j], (i, j) => sentences.Value.ShareOfA(i, j), (i, j) => sentences.Value.ShareOfAAtChance(i, j));
        bool changed;
        do
        {
            changed = AddParts(splits, links, pair.ChanceLevel, distance) | AddParts(bundles, links, pair.ChanceLevel, distance);
            if (!changed)
            {
                changed = AddPartsBeside(splits, links, pair.ChanceLevel, distance) | AddPartsBeside(bundles, links, pair.ChanceLevel, distance);
            }
        }
        while (changed);
    }

    /// <summary>
    /// Parts beside the parts, said sentence by sentence: an unpaired item standing beside a part of a group (at most
    /// one item between) joins the group when at least half of its content weight is in sentences whose counterparts
    /// stand in the group's target, counterparts above the chance level (the floor of parts far apart is not needed
    /// where the order already puts the item beside the parts). The target need not be the item's most similar item,
    /// nor pass the tests of <see cref="IsPart"/>: a long item bundling several measures is diluted by the others, so
    /// the measure it shares with the candidate shows in one of its sentences, not in the item as a whole.
    /// </summary>
    private static bool AddPartsBeside(Side side, List<Link> links, double chance, int distance)
    {
        var changed = false;
        for (var c = 0; c < side.Candidates.Length; c++)
        {
            if (links.Any(l => side.Own(l) == c))
            {
                continue;
            }

            var target = links.Where(l => Math.Abs(side.Own(l) - c) <= distance).Select(side.Other).Distinct()
                .Where(t => side.Similarity(c, t) > chance)
                .Select(t => (Target: t, Share: side.StatedBeside(c, t)))
                .Where(x => x.Share >= 0.5)
                .OrderByDescending(x => x.Share).ThenByDescending(x => side.Similarity(c, x.Target))
                .Select(x => x.Target).DefaultIfEmpty(-1).First();
            if (target >= 0)
            {
                links.Add(side.Link(c, target));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// One direction of the growing step. For splits the candidates are B's items and the targets A's; for bundles the
    /// other way round. <paramref name="side"/> says how to read a link from the candidates' point of view.
    /// </summary>
    private static bool AddParts(Side side, List<Link> links, double chance, int distance)
    {
        var changed = false;
        for (var c = 0; c < side.Candidates.Length; c++)
        {
            var t = side.Best[c];
            if (t < 0 || links.Any(l => side.Own(l) == c))
            {
                continue;
            }

            var parts = links.Where(l => side.Other(l) == t).Select(side.Own).ToList();
            var similarity = side.Similarity(c, t);
            if (parts.Count > 0 && similarity > chance
                && (parts.Any(p => Math.Abs(p - c) <= distance) || side.StatedIn(c, t) >= 0.5)
                && IsPart(side.Targets[t], parts.Select(p => side.Candidates[p]).ToList(), side.Candidates[c], similarity, side.Siblings, side.Candidates, Between(parts, c)))
            {
                links.Add(side.Link(c, t));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// Whether candidate <paramref name="c"/> stands between two parts of the group, the item before it and the item after
    /// it: a split's parts stand together, so the item in their midst whose most similar item is their target is read as
    /// one more part without having to be the best complement of the parts (the parts around it already hold most of the
    /// target, and what is left of it can be said better by an item elsewhere on the same subject).
    /// </summary>
    private static bool Between(List<int> parts, int c) => parts.Contains(c - 1) && parts.Contains(c + 1);

    /// <summary>The items that may join a group (candidates), the items groups form around (targets), and how links read from the candidates' side.</summary>
    private sealed record Side(
        PreparedItem[] Candidates,
        PreparedItem[] Targets,
        double[,] Siblings,
        int[] Best,
        Func<int, int, Link> Link,
        Func<Link, int> Own,
        Func<Link, int> Other,
        Func<int, int, double> Similarity,
        Func<int, int, double> StatedIn,
        Func<int, int, double> StatedBeside);

    /// <summary>
    /// Whether <paramref name="candidate"/> is one more part of the measure of <paramref name="target"/>, beside
    /// <paramref name="parts"/>: it holds a word of the target that the parts lack (the target's weighted coverage grows),
    /// and it is more like the target than like any item of its own document outside the parts (it belongs with them,
    /// not with a measure of its own).
    /// </summary>
    private static bool IsPart(PreparedItem target, List<PreparedItem> parts, PreparedItem candidate, double similarity, double[,] siblings, PreparedItem[] candidates, bool between)
    {
        var nearestOther = 0.0;
        var n = siblings.GetLength(0);
        for (var k = 0; k < n; k++)
        {
            if (k != candidate.Index && parts.All(p => p.Index != k))
            {
                nearestOther = Math.Max(nearestOther, siblings[candidate.Index, k]);
            }
        }

        if (similarity <= nearestOther)
        {
            return false;
        }

        // The candidate must add more of the target than any other item of its document outside the parts would: it is
        // the best complement of the parts, not one more item on the same subject.
        var union = Text.SparseVector.Sum(parts.Select(p => p.Vector));
        var covered = target.Vector.CoveredBy(union);
        var gain = target.Vector.CoveredBy(union.Add(candidate.Vector)) - covered;
        if (gain <= 0)
        {
            return false;
        }

        if (between)
        {
            return true;
        }

        foreach (var other in candidates)
        {
            if (other.Index != candidate.Index && parts.All(p => p.Index != other.Index)
                && target.Vector.CoveredBy(union.Add(other.Vector)) - covered >= gain)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index with the largest positive value (the first of equals), or -1 when none is positive.</summary>
    private static int ArgMax(int count, Func<int, double> value)
    {
        var best = -1;
        var bestValue = 0.0;
        for (var k = 0; k < count; k++)
        {
            var v = value(k);
            if (v > bestValue)
            {
                best = k;
                bestValue = v;
            }
        }

        return best;
    }

}
