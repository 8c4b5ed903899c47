using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Reading;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// The outputs of a comparison, each checked against the comparison it renders: the JSON contract of the issue, the
/// self-contained HTML page (encoded, no scripts, differing figures marked), and the workbook (opened by ClosedXML,
/// zero errors from the Open XML SDK validator, differing figures in red bold runs).
/// </summary>
[Collection(ComparisonCollection.Name)]
public sealed class ComparisonRenderingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>figures.md #1: twelve measures, six with changed figures, one broadened.</summary>
    private static PairwiseComparison Changed()
    {
        var example = ComparisonSpecs.Load("figures.md")[0];
        return ComparisonService.Default.Compare(example.ReadA(), example.ReadB());
    }

    private static MultiComparison Three()
    {
        var figures = ComparisonSpecs.Load("figures.md")[0];
        var dropped = ComparisonSpecs.Load("dropped-added.md")[0];
        var reordered = ComparisonSpecs.Load("reordered.md")[0];
        return ComparisonService.Default.Compare([figures.ReadA(), figures.ReadB(), dropped.ReadB(), reordered.ReadB()]);
    }

    [Fact]
    public void Json_has_the_fields_of_the_issue_with_the_comparison_values()
    {
        var comparison = Changed();
        var root = JsonDocument.Parse(ComparisonJson.Serialize(comparison)).RootElement;

        Assert.Equal(comparison.A.Name, root.GetProperty("a").GetProperty("document").GetString());
        Assert.Equal(comparison.A.Title, root.GetProperty("a").GetProperty("title").GetString());
        Assert.Equal(comparison.B.Name, root.GetProperty("b").GetProperty("document").GetString());
        Assert.Equal(comparison.B.Title, root.GetProperty("b").GetProperty("title").GetString());
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(comparison.Pairs.Count, pairs.Count);
        for (var k = 0; k < pairs.Count; k++)
        {
            var (json, pair) = (pairs[k], comparison.Pairs[k]);
            Assert.Equal(pair.A.Number, json.GetProperty("a").GetInt32());
            Assert.Equal(pair.B.Select(b => b.Number!.Value), json.GetProperty("b").EnumerateArray().Select(b => b.GetInt32()));
            Assert.Equal(Labels.Code(pair.Relation), json.GetProperty("relation").GetString());
            Assert.Contains(json.GetProperty("relation").GetString(), new[] { "same", "changed_figure", "narrowed", "broadened" });
            var score = json.GetProperty("score").GetDouble();
            Assert.InRange(score, 0, 1);
            Assert.Equal(Math.Round(pair.Score, 3), score);
            var differences = json.GetProperty("differences").EnumerateArray().ToList();
            Assert.Equal(pair.Differences.Count, differences.Count);
            for (var d = 0; d < differences.Count; d++)
            {
                Assert.Equal(pair.Differences[d].What, differences[d].GetProperty("what").GetString());
                Assert.Equal(pair.Differences[d].A.Text, differences[d].GetProperty("a").GetString());
                Assert.Equal(pair.Differences[d].B.Text, differences[d].GetProperty("b").GetString());
            }
        }

        Assert.Contains(pairs, p => p.GetProperty("relation").GetString() == "changed_figure");
        Assert.Equal(comparison.OnlyInA.Select(x => x.Number!.Value), root.GetProperty("onlyInA").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(comparison.OnlyInB.Select(x => x.Number!.Value), root.GetProperty("onlyInB").EnumerateArray().Select(x => x.GetInt32()));
    }

    [Fact]
    public void Items_without_a_number_are_named_by_their_id_in_json()
    {
        var a = new ComparedDocument("A", null, [Item("二、主要任务三", null, "建设社区食堂20个，为老年人提供助餐服务。")]);
        var b = new ComparedDocument("B", null, [Item("（七）", 7, "建设社区食堂20个，为老年人提供助餐服务。")]);
        var root = JsonDocument.Parse(ComparisonJson.Serialize(ComparisonService.Default.Compare(a, b))).RootElement;
        var pair = Assert.Single(root.GetProperty("pairs").EnumerateArray());
        Assert.Equal("二、主要任务三", pair.GetProperty("a").GetString());
        Assert.Equal(7, Assert.Single(pair.GetProperty("b").EnumerateArray()).GetInt32());
    }

    [Fact]
    public void Html_is_one_encoded_page_without_scripts_and_marks_the_differing_figures()
    {
        var hostile = "对<script>alert(1)</script>“A&B”企业按购车价格的3%给予补贴，每台最高不超过5000元。";
        var a = new ComparedDocument("东政〔2023〕5号 <b>", "东湖区<测试>", [Item("1", 1, hostile), Item("2", 2, "开发公益性岗位200个，优先安置就业困难人员。")]);
        var b = new ComparedDocument("西政〔2023〕9号", null, [Item("1", 1, hostile.Replace("3%", "5%", StringComparison.Ordinal)), Item("2", 2, "开发公益性岗位200个，优先安置就业困难人员。")]);
        var comparison = ComparisonService.Default.Compare(a, b);
        var html = ComparisonHtml.Page(comparison);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A&amp;B", html, StringComparison.Ordinal);
        Assert.Contains("东湖区&lt;测试&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"diff\">3%</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"diff\">5%</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark class=\"diff\">200", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Summary.Of(comparison)), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_has_one_row_per_pair_and_per_item_on_one_side()
    {
        var comparison = Changed();
        var html = ComparisonHtml.Fragment(comparison);
        Assert.StartsWith("<section class=\"pl-compare\">", html, StringComparison.Ordinal);
        Assert.Equal(comparison.Pairs.Count, Count(html, "<tr class=\"pair "));
        Assert.Equal(comparison.OnlyInA.Count + comparison.OnlyInB.Count, Count(html, "<tr class=\"only "));
        Assert.Equal(comparison.Pairs.Sum(p => p.Differences.Count) * 2, Count(html, "<mark class=\"diff\">"));
        Assert.Contains("数字不同", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_passes_the_open_xml_validator_and_holds_one_row_per_pair()
    {
        var comparison = Changed();
        var path = Save("对比.xlsx", stream => ComparisonWorkbook.Write(stream, comparison));
        Assert.Empty(ValidationErrors(path));
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(ComparisonWorkbook.PairSheet);
        Assert.Equal(ComparisonWorkbook.PairHeader, Enumerable.Range(1, ComparisonWorkbook.PairHeader.Length).Select(c => sheet.Cell(3, c).GetString()));
        Assert.Equal(Summary.Of(comparison), sheet.Cell(2, 1).GetString());
        var rows = comparison.Pairs.Count + comparison.OnlyInA.Count + comparison.OnlyInB.Count;
        Assert.Equal(ComparisonWorkbook.FirstDataRow + rows - 1, sheet.LastRowUsed()!.RowNumber());
        Assert.Equal(3, sheet.SheetView.SplitRow);

        for (var k = 0; k < comparison.Pairs.Count; k++)
        {
            var pair = comparison.Pairs[k];
            var row = ComparisonWorkbook.FirstDataRow + k;
            Assert.Equal(Labels.Item(pair.A), sheet.Cell(row, 1).GetString());
            Assert.Equal(ComparedDocument.TextOf(pair.A), sheet.Cell(row, 2).GetString());
            Assert.Equal(Labels.Chinese(pair.Relation), sheet.Cell(row, 3).GetString());
            Assert.Equal(string.Join("\n", pair.Differences.Select(Labels.Difference)), sheet.Cell(row, 4).GetString());
            var marked = sheet.Cell(row, 6).RichText.Where(r => r.Bold).Select(r => r.Text).ToList();
            Assert.Equal(pair.Differences.Select(d => d.B.Text), marked);
            Assert.All(sheet.Cell(row, 6).RichText.Where(r => r.Bold), r => Assert.Equal(XLColor.FromHtml("#C00000"), r.FontColor));
        }
    }

    [Fact]
    public void Workbook_of_items_without_text_is_still_valid()
    {
        var blank = new PolicyLedger.Reading.Syntax.PolicyItem("1", 1, "1.", [], string.Empty, new(0, 2), [], null, [], []);
        var a = new ComparedDocument("A", null, [blank, Item("2", 2, "开发公益性岗位200个。")]);
        var b = new ComparedDocument("B", null, [Item("1", 1, "开发公益性岗位300个。")]);
        var path = Save("空白.xlsx", stream => ComparisonWorkbook.Write(stream, ComparisonService.Default.Compare(a, b)));
        Assert.Empty(ValidationErrors(path));
        var multi = Save("空白多文.xlsx", stream => ComparisonWorkbook.Write(stream, ComparisonService.Default.Compare([a, b, a])));
        Assert.Empty(ValidationErrors(multi));
    }

    [Fact]
    public void Three_documents_render_one_row_per_measure_in_every_format()
    {
        var comparison = Three();
        Assert.Equal(4, comparison.Documents.Count);

        var root = JsonDocument.Parse(ComparisonJson.Serialize(comparison)).RootElement;
        Assert.Equal(comparison.Documents[0].Name, root.GetProperty("reference").GetProperty("document").GetString());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(comparison.Rows.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.GetProperty("cells").GetArrayLength()));
        Assert.Contains(rows, r => r.GetProperty("cells")[1].GetProperty("relation").GetString() == "changed_figure");
        Assert.Contains(rows, r => r.GetProperty("cells")[2].GetProperty("items").GetArrayLength() == 0);

        var html = ComparisonHtml.Page(comparison);
        Assert.Equal(comparison.Rows.Count + 1, Count(html, "<tr>"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var path = Save("多文对比.xlsx", stream => ComparisonWorkbook.Write(stream, comparison));
        Assert.Empty(ValidationErrors(path));
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(ComparisonWorkbook.MultiSheet);
        Assert.Equal(ComparisonWorkbook.FirstDataRow + comparison.Rows.Count - 1, sheet.LastRowUsed()!.RowNumber());
        Assert.Equal(Summary.Of(comparison), sheet.Cell(2, 1).GetString());

        var summary = Summary.Of(comparison);
        Assert.StartsWith($"以 {comparison.Documents[0].Name} 为参照，共 {comparison.Rows.Count} 项措施：{comparison.Documents[0].Name} 有 {comparison.Documents[0].Items.Count} 项，", summary, StringComparison.Ordinal);
        Assert.Contains($"{comparison.Documents[1].Name} 有 {comparison.Rows.Count(r => r.Cells[1].Has)} 项（数字不同 {comparison.Rows.Count(r => r.Cells[1].Relation == Relation.ChangedFigure)}）", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_counts_what_the_comparison_holds()
    {
        var comparison = Changed();
        var summary = Summary.Of(comparison);
        Assert.Contains($"配对 {comparison.Pairs.Count} 组", summary, StringComparison.Ordinal);
        Assert.Contains($"数字不同 {comparison.Pairs.Count(p => p.Relation == Relation.ChangedFigure)}", summary, StringComparison.Ordinal);
        Assert.Contains($"{Labels.OnlyInA} {comparison.OnlyInA.Count} 条", summary, StringComparison.Ordinal);
        Assert.True(comparison.Pairs.Count(p => p.Relation == Relation.ChangedFigure) >= 6);
    }

    private string Save(string name, Action<Stream> write)
    {
        var path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        write(file);
        return path;
    }

    private static List<string> ValidationErrors(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>An item read from one line of text, so that its quantities and times are the reader's.</summary>
    private static PolicyLedger.Reading.Syntax.PolicyItem Item(string id, int? number, string text)
    {
        var read = PolicyReader.Default.ReadText("item.txt", "1." + text + "（责任单位：区商务局）");
        var item = read.Documents.SelectMany(d => d.Items).Single();
        return item with { Id = id, Number = number };
    }
}
