using System.Globalization;
using System.Net;
using System.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Comparison.Rendering;

/// <summary>
/// A self-contained HTML view of a comparison: A and B side by side, one row per pair (the differing figures marked),
/// the items on one side only after. Inline CSS, no scripts, every text HTML-encoded. <see cref="Page(PairwiseComparison)"/>
/// is a whole page; <see cref="Fragment(PairwiseComparison)"/> is the same view as one &lt;section&gt; for a page that
/// already has its own head (it then needs <see cref="Css"/>).
/// </summary>
public static class ComparisonHtml
{
    /// <summary>The style sheet of the view; every rule is scoped to <c>.pl-compare</c>.</summary>
    public const string Css = """
        .pl-compare { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; line-height: 1.6; }
        .pl-compare h1 { font-size: 1.4em; margin: 0 0 .4em; }
        .pl-compare .docs { display: grid; grid-template-columns: auto 1fr; gap: .2em 1em; margin: 0 0 .6em; }
        .pl-compare .docs dt { font-weight: bold; }
        .pl-compare .docs dd { margin: 0; }
        .pl-compare .summary { margin: .4em 0 1em; }
        .pl-compare table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        .pl-compare th, .pl-compare td { border: 1px solid #ccc; padding: .35em .5em; vertical-align: top; text-align: left; }
        .pl-compare th { background: #f0f0f0; }
        .pl-compare col.no { width: 5.5em; }
        .pl-compare col.rel { width: 11em; }
        .pl-compare .item { white-space: nowrap; color: #555; }
        .pl-compare mark.diff { background: #ffe08a; color: #a00; font-weight: bold; padding: 0 .1em; }
        .pl-compare .rel-same .relation { color: #2b6a2b; }
        .pl-compare .rel-changed_figure .relation { color: #a00; font-weight: bold; }
        .pl-compare .rel-narrowed .relation { color: #8a5a00; }
        .pl-compare .rel-broadened .relation { color: #1f4e9e; }
        .pl-compare .only .relation { color: #777; }
        .pl-compare ul.diffs { margin: .3em 0 0; padding-left: 1.1em; font-size: .92em; }
        .pl-compare .score { display: block; color: #777; font-size: .85em; }
        .pl-compare .part + .part { border-top: 1px dashed #ccc; margin-top: .4em; padding-top: .4em; }
        """;

    public static string Page(PairwiseComparison c) => Wrap($"对比：{c.A.Name} 与 {c.B.Name}", Fragment(c));

    public static string Page(MultiComparison c) => Wrap($"对比：{string.Join("、", c.Documents.Select(d => d.Name))}", Fragment(c));

    public static string Fragment(PairwiseComparison c)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"pl-compare\">\n<h1>政策对比</h1>\n<dl class=\"docs\">");
        html.Append($"<dt>A</dt><dd>{E(Labels.Document(c.A))}，{c.A.Items.Count} 条</dd>");
        html.Append($"<dt>B</dt><dd>{E(Labels.Document(c.B))}，{c.B.Items.Count} 条</dd></dl>\n");
        html.Append($"<p class=\"summary\">{E(Summary.Of(c))}</p>\n");
        html.Append("<table class=\"side-by-side\">\n<colgroup><col class=\"no\"><col><col class=\"rel\"><col class=\"no\"><col></colgroup>\n");
        html.Append("<thead><tr><th>A 条目</th><th>A 内容</th><th>关系（B 相对 A）</th><th>B 条目</th><th>B 内容</th></tr></thead>\n<tbody>\n");

        var pairs = new Dictionary<PolicyItem, ItemPair>(ReferenceEqualityComparer.Instance);
        foreach (var p in c.Pairs)
        {
            pairs[p.A] = p;
        }

        var onlyInA = new HashSet<PolicyItem>(c.OnlyInA, ReferenceEqualityComparer.Instance);
        foreach (var a in c.A.Items)
        {
            if (pairs.TryGetValue(a, out var p))
            {
                html.Append($"<tr class=\"pair rel-{Labels.Code(p.Relation)}\"><td class=\"item\">{E(Labels.Item(p.A))}</td><td>{Marked(p.A, TextMarks.OfA(p.Differences))}</td>");
                html.Append($"<td><span class=\"relation\">{E(Labels.Chinese(p.Relation))}</span>");
                Differences(html, p.Differences);
                html.Append($"<span class=\"score\">相似度 {p.Score.ToString("0.00", CultureInfo.InvariantCulture)}</span></td>");
                html.Append($"<td class=\"item\">{E(Labels.Items(p.B))}</td><td>");
                foreach (var b in p.B)
                {
                    html.Append($"<div class=\"part\">{(p.Links.Count > 1 ? $"<span class=\"item\">{E(Labels.Item(b))}</span> " : string.Empty)}{Marked(b, TextMarks.OfB(p.Differences, b))}</div>");
                }

                html.Append("</td></tr>\n");
            }
            else if (onlyInA.Contains(a))
            {
                html.Append($"<tr class=\"only only-a\"><td class=\"item\">{E(Labels.Item(a))}</td><td>{Marked(a, [])}</td><td><span class=\"relation\">{Labels.OnlyInA}</span></td><td></td><td></td></tr>\n");
            }
        }

        foreach (var b in c.OnlyInB)
        {
            html.Append($"<tr class=\"only only-b\"><td></td><td></td><td><span class=\"relation\">{Labels.OnlyInB}</span></td><td class=\"item\">{E(Labels.Item(b))}</td><td>{Marked(b, [])}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
        return html.ToString();
    }

    public static string Fragment(MultiComparison c)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"pl-compare\">\n<h1>多文对比</h1>\n<dl class=\"docs\">");
        for (var k = 0; k < c.Documents.Count; k++)
        {
            html.Append($"<dt>{(k == 0 ? "参照" : k.ToString(CultureInfo.InvariantCulture))}</dt><dd>{E(Labels.Document(c.Documents[k]))}，{c.Documents[k].Items.Count} 条</dd>");
        }

        html.Append("</dl>\n");
        html.Append($"<p class=\"summary\">{E(Summary.Of(c))}</p>\n<table class=\"measures\">\n<colgroup><col class=\"no\">");
        html.Append(string.Concat(c.Documents.Select(_ => "<col>")));
        html.Append("</colgroup>\n<thead><tr><th>措施</th>");
        foreach (var d in c.Documents)
        {
            html.Append($"<th>{E(d.Name)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var n = 0;
        foreach (var row in c.Rows)
        {
            n++;
            html.Append($"<tr><td class=\"item\">{n}</td>");
            var originMarks = row.Cells.SelectMany(cell => TextMarks.OfA(cell.Differences)).ToList();
            for (var k = 0; k < row.Cells.Count; k++)
            {
                var cell = row.Cells[k];
                if (!cell.Has)
                {
                    html.Append($"<td class=\"only\"><span class=\"relation\">{Labels.Missing}</span></td>");
                    continue;
                }

                var relation = cell.Relation is { } r ? $"<span class=\"relation\">{E(Labels.Chinese(r))}</span>" : string.Empty;
                html.Append($"<td class=\"{(cell.Relation is { } rel ? "rel-" + Labels.Code(rel) : "origin")}\"><span class=\"item\">{E(Labels.Items(cell.Items))}</span> {relation}");
                foreach (var item in cell.Items)
                {
                    var marks = k == row.Origin ? originMarks : TextMarks.OfB(cell.Differences, item);
                    html.Append($"<div class=\"part\">{Marked(item, marks)}</div>");
                }

                Differences(html, cell.Differences);
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
        return html.ToString();
    }

    /// <summary>The differing figures of a pair as a list, nothing when none differ.</summary>
    private static void Differences(StringBuilder html, IReadOnlyList<FigureDifference> differences)
    {
        if (differences.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"diffs\">");
        foreach (var d in differences)
        {
            html.Append($"<li>{E(Labels.Difference(d))}</li>");
        }

        html.Append("</ul>");
    }

    private static string Wrap(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n";

    private static string Marked(PolicyItem item, IEnumerable<Figures.Figure> figures) =>
        string.Concat(TextMarks.Pieces(item, figures).Select(p => p.Marked ? $"<mark class=\"diff\">{E(p.Text)}</mark>" : E(p.Text)));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
