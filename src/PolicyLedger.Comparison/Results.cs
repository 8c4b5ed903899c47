using PolicyLedger.Comparison.Figures;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison;

/// <summary>How B's item(s) relate to A's item: always B relative to A.</summary>
public enum Relation
{
    /// <summary>The same measure; where both give a figure for the same quantity, it is the same.</summary>
    Same,

    /// <summary>At least one figure for the same quantity differs (wins over narrowed and broadened).</summary>
    ChangedFigure,

    /// <summary>B covers clearly less than A.</summary>
    Narrowed,

    /// <summary>B covers clearly more than A.</summary>
    Broadened,
}

/// <summary>Which evidence paired two items.</summary>
public enum LinkKind
{
    /// <summary>Each is the other's most similar item, more similar than either is to any item of its own document.</summary>
    Anchor,

    /// <summary>Each is the other's most similar item, above the chance level, and they stand in sections that correspond.</summary>
    Section,

    /// <summary>B splits A's measure: this B item is most like A's item, stands beside its other part, and adds a word of A's item the parts lacked.</summary>
    Split,

    /// <summary>B bundles measures A gives apart: this A item is most like B's item, stands beside B's other partner, and adds a word of B's item the partners lacked.</summary>
    Bundle,

    /// <summary>Between two pairs that keep the documents' order, each is the other's most similar item among the items left unpaired there, above the chance level.</summary>
    Order,
}

/// <summary>One B item paired with an A item, how it was found and how similar the two are (cosine, 0–1).</summary>
public sealed record ItemLink(PolicyItem B, LinkKind Kind, double Similarity);

/// <summary>A figure for the same quantity that differs between A's item and B's item.</summary>
/// <param name="What">What the figure counts, in the documents' words (the wording both contexts share, else A's).</param>
public sealed record FigureDifference(string What, PolicyItem AItem, Figure A, PolicyItem BItem, Figure B);

/// <summary>An item of A with the item(s) of B that carry out the same measure.</summary>
/// <param name="Score">Cosine similarity of A's item with B's items read as one text (0–1).</param>
public sealed record ItemPair(PolicyItem A, IReadOnlyList<ItemLink> Links, Relation Relation, IReadOnlyList<FigureDifference> Differences, double Score)
{
    public IEnumerable<PolicyItem> B => Links.Select(l => l.B);
}

/// <summary>Two documents compared: every pair of items, and the items found on one side only, in document order.</summary>
public sealed record PairwiseComparison(
    ComparedDocument A,
    ComparedDocument B,
    IReadOnlyList<ItemPair> Pairs,
    IReadOnlyList<PolicyItem> OnlyInA,
    IReadOnlyList<PolicyItem> OnlyInB);

/// <summary>What one document has of one measure: its items (none when it lacks it), and how they relate to the row's first holder.</summary>
/// <param name="Relation">Null for the document the row is measured against (the reference, or the first document that has the measure).</param>
public sealed record MeasureCell(IReadOnlyList<PolicyItem> Items, Relation? Relation, IReadOnlyList<FigureDifference> Differences, double? Score)
{
    public bool Has => Items.Count > 0;

    public static MeasureCell Missing { get; } = new([], null, [], null);
}

/// <summary>One measure across all documents: <see cref="Cells"/> holds one cell per document, in the order given.</summary>
/// <param name="Origin">The index of the document the row is measured against: 0 (the reference) or the first later document that has the measure.</param>
public sealed record MeasureRow(int Origin, IReadOnlyList<MeasureCell> Cells);

/// <summary>Three or more documents: one row per measure of the reference, then the measures the reference lacks.</summary>
public sealed record MultiComparison(IReadOnlyList<ComparedDocument> Documents, IReadOnlyList<MeasureRow> Rows);
