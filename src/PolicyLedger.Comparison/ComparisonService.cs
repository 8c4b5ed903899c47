using PolicyLedger.Comparison.Alignment;
using PolicyLedger.Comparison.Figures;
using PolicyLedger.Comparison.Relations;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison;

/// <summary>
/// The one facade the CLI and the web application call to compare local versions of a policy. Stateless and
/// thread-safe; it reads no files, no clock and prints nothing: documents come in as <see cref="ComparedDocument"/>s
/// (from files or the ledger) and results go out as records the renderers in <c>Rendering/</c> turn into tables,
/// JSON, workbooks and pages.
/// </summary>
public sealed class ComparisonService
{
    public ComparisonService(ComparisonOptions? options = null)
    {
        Options = options ?? new ComparisonOptions();
    }

    public static ComparisonService Default { get; } = new();

    public ComparisonOptions Options { get; }

    /// <summary>Two documents: every item of A with the item(s) of B that carry out the same measure, how they relate, and the items on one side only.</summary>
    public PairwiseComparison Compare(ComparedDocument a, ComparedDocument b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pair = PreparedPair.Create(a.Items, b.Items, Options.DepartmentWeight);
        var links = ItemAligner.Align(pair, Options);
        var pairs = Describe(pair, links);
        var onlyInA = pair.A.Where(x => links.All(l => l.A != x.Index)).Select(x => x.Item).ToList();
        var onlyInB = pair.B.Where(x => links.All(l => l.B != x.Index)).Select(x => x.Item).ToList();
        return new PairwiseComparison(a, b, pairs, onlyInA, onlyInB);
    }

    /// <summary>
    /// Several documents against the first (the reference): one row per item of the reference with what each other
    /// document has of it, then one row per measure the reference lacks. A document's items that the reference lacks
    /// are aligned with the rows earlier documents added, so a measure two places added shares one row.
    /// </summary>
    public MultiComparison Compare(IReadOnlyList<ComparedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count < 2)
        {
            throw new ArgumentException("a comparison needs at least two documents", nameof(documents));
        }

        var reference = documents[0];
        var rows = reference.Items.Select(item => new RowBuilder(0, item, documents.Count)).ToList();
        var extra = new List<RowBuilder>();
        for (var k = 1; k < documents.Count; k++)
        {
            var pairwise = Compare(reference, documents[k]);
            foreach (var p in pairwise.Pairs)
            {
                rows[IndexOf(reference.Items, p.A)].Cells[k] = Cell(p);
            }

            var left = pairwise.OnlyInB;
            if (left.Count > 0 && extra.Count > 0)
            {
                var origins = extra.Select(r => r.Origin).ToList();
                var versus = Compare(new ComparedDocument("", null, origins), new ComparedDocument(documents[k].Name, documents[k].Title, left));
                foreach (var p in versus.Pairs)
                {
                    extra[IndexOf(origins, p.A)].Cells[k] = Cell(p);
                }

                left = versus.OnlyInB;
            }

            foreach (var item in left)
            {
                extra.Add(new RowBuilder(k, item, documents.Count));
            }
        }

        return new MultiComparison(documents, [.. rows.Concat(extra).Select(r => r.Build())]);
    }

    private List<ItemPair> Describe(PreparedPair pair, IReadOnlyList<Link> links)
    {
        var pairs = new List<ItemPair>();
        foreach (var group in links.GroupBy(l => l.A).OrderBy(g => g.Key))
        {
            var a = pair.A[group.Key];
            var b = group.OrderBy(l => l.B).Select(l => pair.B[l.B]).ToList();
            var otherPartners = links.Where(l => l.A != group.Key && b.Any(x => x.Index == l.B)).Select(l => pair.A[l.A]).Distinct().ToList();
            var differences = FigureComparer.Differences(a.Item, a.Figures, b.Select(x => (x.Item, x.Figures)).ToList(), pair.Weights, Options, pair.Boilerplate);
            var relation = RelationClassifier.Classify(a, b, otherPartners, pair, differences.Count > 0, Options);
            var score = a.Vector.Cosine(Text.SparseVector.Sum(b.Select(x => x.Vector)));
            var itemLinks = group.OrderBy(l => l.B).Select(l => new ItemLink(pair.B[l.B].Item, l.Kind, a.Vector.Cosine(pair.B[l.B].Vector))).ToList();
            pairs.Add(new ItemPair(a.Item, itemLinks, relation, differences, score));
        }

        return pairs;
    }

    private static MeasureCell Cell(ItemPair p) => new([.. p.B], p.Relation, p.Differences, p.Score);

    private static int IndexOf(IReadOnlyList<PolicyItem> items, PolicyItem item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item))
            {
                return i;
            }
        }

        throw new InvalidOperationException("an aligned item is not among the items compared");
    }

    private sealed class RowBuilder(int origin, PolicyItem item, int documents)
    {
        public PolicyItem Origin { get; } = item;

        public MeasureCell[] Cells { get; } = Enumerable.Range(0, documents).Select(k => k == origin ? new MeasureCell([item], null, [], null) : MeasureCell.Missing).ToArray();

        public MeasureRow Build() => new(origin, Cells);
    }
}
