using System.Text.Json;
using ClosedXML.Excel;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Cli.Output;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading;

namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// <c>policyledger compare</c> end to end: files, documents of the ledger (by key, 文号 or title), every format, and
/// the errors for arguments it cannot use (named, with the reason; nothing written then).
/// </summary>
[Collection(ComparisonCollection.Name)]
public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-compare-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LedgerDatabase Database => LedgerDatabase.Sqlite(Path.Combine(_folder, "ledger.db"));

    /// <summary>figures.md #1 as two files, each a 公文 with a 文号.</summary>
    private (string A, string B) Files()
    {
        var example = ComparisonSpecs.Load("figures.md")[0];
        var a = Write("东湖.txt", "东政〔2023〕5号\n东湖区人民政府关于印发促进消费助企稳岗若干措施的通知\n" + example.A);
        var b = Write("北岸.txt", "北政〔2023〕8号\n北岸区人民政府关于印发促进消费助企稳岗若干措施的通知\n" + example.B);
        return (a, b);
    }

    /// <summary>The two files imported into the ledger: B's path, and their comparison as files (the JSON every ledger lookup must give).</summary>
    private async Task<(string B, string FromFiles)> ImportedAsync()
    {
        var (a, b) = Files();
        Assert.Equal(0, await ImportCommand.RunAsync(Database, [a, b], null, TextWriter.Null, TextWriter.Null));
        return (b, (await Run("json", null, a, b)).Output);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int Code, string Output, string Errors)> Run(string format, string? output, params string[] arguments)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CompareCommand.RunAsync(Database, arguments, format, output, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Two_files_give_the_json_of_the_issue()
    {
        var (a, b) = Files();
        var (code, output, errors) = await Run("json", null, a, b);

        Assert.True(code == 0, errors);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("东政〔2023〕5号", root.GetProperty("a").GetProperty("document").GetString());
        Assert.Equal("北政〔2023〕8号", root.GetProperty("b").GetProperty("document").GetString());
        var expected = ComparisonService.Default.Compare(Read(a), Read(b));
        Assert.Equal(expected.Pairs.Count, root.GetProperty("pairs").GetArrayLength());
        Assert.Contains(root.GetProperty("pairs").EnumerateArray(), p => p.GetProperty("relation").GetString() == "changed_figure");
        Assert.False(File.Exists(Database.Display), "comparing files must not create a ledger");
    }

    [Fact]
    public async Task The_table_has_chinese_headers_and_the_summary()
    {
        var (a, b) = Files();
        var (code, output, _) = await Run("table", null, a, b);
        Assert.Equal(0, code);
        foreach (var header in new[] { "A 条目", "关系", "数字差异", "B 条目", "相似度" })
        {
            Assert.Contains(header, output, StringComparison.Ordinal);
        }

        Assert.Contains(Summary.Of(ComparisonService.Default.Compare(Read(a), Read(b))), output, StringComparison.Ordinal);
        Assert.Contains("数字不同", output, StringComparison.Ordinal);
        Assert.Contains("3% → 5%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_and_html_are_written_to_the_file_asked()
    {
        var (a, b) = Files();
        var xlsx = Path.Combine(_folder, "out", "对比.xlsx");
        var (code, _, errors) = await Run("xlsx", xlsx, a, b);
        Assert.True(code == 0, errors);
        using (var workbook = new XLWorkbook(xlsx))
        {
            Assert.Equal("A 条目", workbook.Worksheet(ComparisonWorkbook.PairSheet).Cell(3, 1).GetString());
        }

        var html = Path.Combine(_folder, "对比.html");
        Assert.Equal(0, (await Run("html", html, a, b)).Code);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.False(File.Exists(html + ".tmp"));
    }

    [Fact]
    public async Task Xlsx_needs_an_output_file()
    {
        var (a, b) = Files();
        var (code, output, errors) = await Run("xlsx", null, a, b);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("-o", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_files_give_one_row_per_measure()
    {
        var (a, b) = Files();
        var c = Write("柳湾.txt", ComparisonSpecs.Load("dropped-added.md")[0].B);
        var (code, output, errors) = await Run("json", null, a, b, c);
        Assert.True(code == 0, errors);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("东政〔2023〕5号", root.GetProperty("reference").GetProperty("document").GetString());
        Assert.Equal(3, root.GetProperty("documents").GetArrayLength());
        Assert.All(root.GetProperty("rows").EnumerateArray(), r => Assert.Equal(3, r.GetProperty("cells").GetArrayLength()));
    }

    [Fact]
    public async Task Arguments_it_cannot_use_are_named_with_the_reason_and_nothing_is_written()
    {
        var (a, _) = Files();
        var empty = Write("空.txt", "这份文件没有任何条目。\n");
        var output = Path.Combine(_folder, "never.json");
        var (code, stdout, errors) = await Run("json", output, a, "不存在的文件.txt", empty, _folder);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(output));
        Assert.Contains("不存在的文件.txt：没有这个文件", errors, StringComparison.Ordinal);
        Assert.Contains($"{empty}：没有读出任何条目", errors, StringComparison.Ordinal);
        Assert.Contains($"{_folder}：是文件夹", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Database.Display), "a lookup must not create a ledger");
    }

    [Fact]
    public async Task A_file_with_several_documents_asks_which_and_takes_file_hash_n()
    {
        var (a, _) = Files();
        var example = ComparisonSpecs.Load("figures.md")[1];
        var both = Write("两份.txt",
            "西政〔2023〕2号\n西岸区人民政府关于印发加快养老服务发展若干措施的通知\n" + example.A
            + "\n东政〔2023〕3号\n东岸区人民政府关于印发加快养老服务发展若干措施的通知\n" + example.B);
        var read = PolicyReader.Default.ReadFile(both);
        Assert.Equal(2, read.Documents.Count(d => d.Items.Count > 0));

        var (code, _, errors) = await Run("json", null, a, both);
        Assert.Equal(1, code);
        Assert.Contains("#1", errors, StringComparison.Ordinal);
        Assert.Contains("#2", errors, StringComparison.Ordinal);

        var (ok, output, problems) = await Run("json", null, both + "#1", both + "#2");
        Assert.True(ok == 0, problems);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("西政〔2023〕2号", root.GetProperty("a").GetProperty("document").GetString());
        Assert.Equal("东政〔2023〕3号", root.GetProperty("b").GetProperty("document").GetString());
        Assert.Contains(root.GetProperty("pairs").EnumerateArray(), p => p.GetProperty("relation").GetString() == "changed_figure");
    }

    [Fact]
    public async Task Documents_of_the_ledger_compare_like_the_files_they_came_from()
    {
        var (b, fromFiles) = await ImportedAsync();

        // By 文号 as written, with other brackets, and by the file on one side.
        var byNumber = await Run("json", null, "东政〔2023〕5号", "北政[2023]8号");
        Assert.True(byNumber.Code == 0, byNumber.Errors);
        Assert.Equal(fromFiles, byNumber.Output);
        var mixed = await Run("json", null, "东政〔2023〕5号", b);
        Assert.Equal(fromFiles, mixed.Output);

        // By title.
        var byTitle = await Run("json", null, "东湖区人民政府关于印发促进消费助企稳岗若干措施的通知", "北政〔2023〕8号");
        Assert.Equal(fromFiles, byTitle.Output);

        var missing = await Run("json", null, "东政〔2023〕5号", "南政〔2023〕1号");
        Assert.Equal(1, missing.Code);
        Assert.Contains("南政〔2023〕1号：没有这个文件，台账中也没有这份文件", missing.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_of_a_name_that_only_one_document_has_finds_it_and_a_part_several_have_lists_them()
    {
        var (_, fromFiles) = await ImportedAsync();

        // A place as people say it, a part of a file name.
        var byPart = await Run("json", null, "东湖区", "北岸.txt");
        Assert.True(byPart.Code == 0, byPart.Errors);
        Assert.Equal(fromFiles, byPart.Output);

        var ambiguous = await Run("json", null, "促进消费助企稳岗", "北岸区");
        Assert.Equal(1, ambiguous.Code);
        Assert.Contains("台账中有 2 份文件叫这个名字", ambiguous.Errors, StringComparison.Ordinal);
        Assert.Contains("东湖.txt", ambiguous.Errors, StringComparison.Ordinal);
        Assert.Empty(ambiguous.Output);

        var tooShort = await Run("json", null, "区", "北岸区");
        Assert.Equal(1, tooShort.Code);
        Assert.Contains("区：没有这个文件", tooShort.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_stored_without_its_text_is_compared_from_its_rows()
    {
        var (a, b) = Files();
        Assert.Equal(0, await ImportCommand.RunAsync(Database, [a, b], null, TextWriter.Null, TextWriter.Null));
        await using (var context = Database.CreateContext())
        {
            context.SourceTexts.RemoveRange(context.SourceTexts);
            await context.SaveChangesAsync();
        }

        var fromFiles = JsonDocument.Parse((await Run("json", null, a, b)).Output).RootElement;
        var fromRows = await Run("json", null, "东政〔2023〕5号", "北政〔2023〕8号");
        Assert.True(fromRows.Code == 0, fromRows.Errors);
        var root = JsonDocument.Parse(fromRows.Output).RootElement;
        Assert.Equal(Links(fromFiles), Links(root));
        Assert.Equal(Relations(fromFiles), Relations(root));
        Assert.DoesNotContain(root.GetProperty("pairs").EnumerateArray(), p => p.GetProperty("aText").GetString()!.Contains("责任单位", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_document_twice_in_the_ledger_is_ambiguous_by_its_number()
    {
        var (a, b) = Files();
        var copy = Write("东湖副本.txt", File.ReadAllText(a) + "\n");
        Assert.Equal(0, await ImportCommand.RunAsync(Database, [a, copy], null, TextWriter.Null, TextWriter.Null));
        var (code, _, errors) = await Run("json", null, "东政〔2023〕5号", b);
        Assert.Equal(1, code);
        Assert.Contains("台账中有 2 份文件叫这个名字", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_multi_document_table_has_a_column_per_document()
    {
        var figures = ComparisonSpecs.Load("figures.md")[0];
        var comparison = ComparisonService.Default.Compare([figures.ReadA(), figures.ReadB(), ComparisonSpecs.Load("reordered.md")[0].ReadB()]);
        var output = new StringWriter();
        CompareTable.Write(comparison, output);
        var text = output.ToString();
        // The console wraps a line longer than its width (the documents' titles are long) at a space.
        static string Unwrapped(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(Unwrapped(Summary.Of(comparison)), Unwrapped(text), StringComparison.Ordinal);
        Assert.Contains("措施", text, StringComparison.Ordinal);
        Assert.Contains("数字不同", text, StringComparison.Ordinal);
    }

    private static ComparedDocument Read(string path) =>
        ComparedDocument.From(PolicyReader.Default.ReadFile(path).Documents.Single(d => d.Items.Count > 0), Path.GetFileName(path));

    private static List<string> Links(JsonElement root) => root.GetProperty("pairs").EnumerateArray()
        .Select(p => $"{p.GetProperty("a")}→{string.Join(",", p.GetProperty("b").EnumerateArray())}").ToList();

    private static List<string> Relations(JsonElement root) => root.GetProperty("pairs").EnumerateArray()
        .Select(p => p.GetProperty("relation").GetString()!).ToList();
}
