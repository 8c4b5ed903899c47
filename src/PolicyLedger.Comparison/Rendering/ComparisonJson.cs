using System.Text.Json;
using PolicyLedger.Comparison.Figures;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Rendering;

/// <summary>
/// The JSON of <c>compare --format json</c>. For two documents the contract:
/// <c>{"a":{"document","title"},"b":{…},"pairs":[{"a":1,"b":[1],"relation","differences":[{"what","a","b"}],"score"}],"onlyInA":[…],"onlyInB":[…]}</c>,
/// item numbers as the documents number them (an item without a number by its id, a string). Added fields:
/// <c>items</c> per document; per pair <c>links</c> (how each B item was found), <c>aText</c>/<c>bText</c>;
/// per difference <c>kind</c> (quantity, time), <c>bItem</c>, <c>aValue</c>/<c>bValue</c> (plain values, ISO dates).
/// For three or more documents: <c>{"reference","documents":[…],"rows":[{"origin","cells":[{"document","items","relation","differences","score","figures"}]}]}</c>.
/// Fields may be added, never renamed.
/// </summary>
public static class ComparisonJson
{
    /// <summary>The options of every JSON the project writes: camelCase, indented, Chinese unescaped, nulls kept.</summary>
    public static JsonSerializerOptions Options => ReadResultJson.Options;

    public sealed record DocumentDto(string Document, string? Title, int Items);

    public sealed record DifferenceDto(string What, string A, string B, string Kind, object BItem, string AValue, string BValue);

    public sealed record LinkDto(object B, string Kind, double Similarity);

    public sealed record PairDto(object A, IReadOnlyList<object> B, string Relation, IReadOnlyList<DifferenceDto> Differences, double Score,
        IReadOnlyList<LinkDto> Links, string AText, IReadOnlyList<string> BText);

    public sealed record PairwiseDto(DocumentDto A, DocumentDto B, IReadOnlyList<PairDto> Pairs, IReadOnlyList<object> OnlyInA, IReadOnlyList<object> OnlyInB);

    public sealed record CellDto(string Document, IReadOnlyList<object> Items, string? Relation, IReadOnlyList<DifferenceDto> Differences, double? Score, IReadOnlyList<string> Figures);

    public sealed record RowDto(string Origin, IReadOnlyList<CellDto> Cells);

    public sealed record MultiDto(DocumentDto Reference, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<RowDto> Rows);

    public static string Serialize(PairwiseComparison comparison) => JsonSerializer.Serialize(ToDto(comparison), Options);

    public static string Serialize(MultiComparison comparison) => JsonSerializer.Serialize(ToDto(comparison), Options);

    public static PairwiseDto ToDto(PairwiseComparison c) => new(
        Document(c.A),
        Document(c.B),
        c.Pairs.Select(p => new PairDto(
            Number(p.A),
            p.B.Select(Number).ToList(),
            Labels.Code(p.Relation),
            p.Differences.Select(Difference).ToList(),
            Math.Round(p.Score, 3),
            p.Links.Select(l => new LinkDto(Number(l.B), Labels.Code(l.Kind), Math.Round(l.Similarity, 3))).ToList(),
            ComparedDocument.TextOf(p.A),
            p.B.Select(ComparedDocument.TextOf).ToList())).ToList(),
        c.OnlyInA.Select(Number).ToList(),
        c.OnlyInB.Select(Number).ToList());

    public static MultiDto ToDto(MultiComparison c) => new(
        Document(c.Documents[0]),
        c.Documents.Select(Document).ToList(),
        c.Rows.Select(r => new RowDto(
            c.Documents[r.Origin].Name,
            r.Cells.Select((cell, k) => new CellDto(
                c.Documents[k].Name,
                cell.Items.Select(Number).ToList(),
                cell.Relation is { } rel ? Labels.Code(rel) : null,
                cell.Differences.Select(Difference).ToList(),
                cell.Score is { } s ? Math.Round(s, 3) : null,
                cell.Items.SelectMany(i => FigureReader.Read(i, ComparedDocument.TextOf(i))).Select(f => f.Text).ToList())).ToList())).ToList());

    /// <summary>The item's own number when it has one (a JSON number), else its id (a string).</summary>
    public static object Number(PolicyItem item) => item.Number is { } n ? n : item.Id;

    private static DocumentDto Document(ComparedDocument d) => new(d.Name, d.Title, d.Items.Count);

    private static DifferenceDto Difference(FigureDifference d) =>
        new(d.What, d.A.Text, d.B.Text, d.A.Kind == FigureKind.Time ? "time" : "quantity", Number(d.BItem), d.A.Value, d.B.Value);
}
