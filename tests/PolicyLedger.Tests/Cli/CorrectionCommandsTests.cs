using System.CommandLine;
using System.Text.Json;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Cli;

/// <summary>correct, corrections (export, import) and review end to end on a bundled sample, as the commands print them.</summary>
public sealed class CorrectionCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-corrcli-").FullName;

    private LedgerDatabase Database => LedgerDatabase.Sqlite(Path.Combine(_folder, "ledger.db"));

    private const string Doc = "示范区管〔2025〕7号";

    private async Task<string> ImportSampleAsync()
    {
        var path = Path.Combine(_folder, "措施.txt");
        File.Copy(Path.Combine(SharedData.RepositoryRoot, "samples", "示范区2025年稳就业促消费若干措施.txt"), path, overwrite: true);
        Assert.Equal(0, await ImportCommand.RunAsync(Database, [path], null, TextWriter.Null, TextWriter.Null));
        return path;
    }

    private static (Command Command, CorrectCommand.Options Options) Correct()
    {
        var options = new CorrectCommand.Options(Texts.Chinese);
        return (CorrectCommand.Create(new LedgerOptions(Texts.Chinese), options), options);
    }

    [Theory]
    [InlineData(new[] { "甲#1", "--cooperating", "" }, "SetRole Cooperating ")]
    [InlineData(new[] { "甲#1", "--lead", "县财政局、县商务局", "--deadline", "2024-06-30" }, "SetRole Lead 县财政局、县商务局|SetDeadline  2024-06-30")]
    [InlineData(new[] { "甲#1", "--add-cooperating", "县税务局", "--remove", "县统计局" }, "AddUnit Cooperating 县税务局|RemoveUnit  县统计局")]
    [InlineData(new[] { "甲#1", "--not-an-item" }, "NotAnItem  ")]
    [InlineData(new[] { "甲#1", "--split-at", "13．", "--split-id", "13" }, "Split  13．")]
    [InlineData(new[] { "甲#1", "--merge-next", "--why", "两项本是一项" }, "MergeNext  ")]
    [InlineData(new[] { "甲#1" }, "")]
    public void The_command_line_asks_for_the_changes_given_and_an_empty_value_clears(string[] args, string expected)
    {
        var (command, options) = Correct();
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        var input = CorrectCommand.Input(parse, options);
        Assert.Equal("甲#1", input.Item);
        Assert.Equal(expected, string.Join("|", input.Changes.Select(c => $"{c.Kind} {c.Role} {c.Value}")));
    }

    [Fact]
    public async Task Correct_prints_before_and_after_refuses_bad_input_with_its_code_and_reverts()
    {
        await ImportSampleAsync();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#1", [new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Cooperating, "示范区财政金融局")], "漏读"), false, "张三", null, "table", output, errors);

        Assert.Equal(0, exit);
        Assert.Contains($"{Doc}#1：已校对", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("配合单位：（无） → 示范区财政金融局", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, errors.ToString());

        var again = new StringWriter();
        Assert.Equal(0, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#1", [new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Cooperating, "示范区财政金融局")]), false, "张三", null, "table", again, errors));
        Assert.Contains("已有相同的校对，未作改动", again.ToString(), StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#1", [new ChangeRequest(CorrectionKind.SetDeadline, Value: "明年")]), false, "张三", null, "table", TextWriter.Null, refused));
        Assert.Equal($"policyledger correct: {Doc}#1：截止日期“明年”不是日期：请写作 2024-06-30（写“无”表示没有时限）（PL-C13）", refused.ToString().TrimEnd());
        var unknown = new StringWriter();
        Assert.Equal(1, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#99", [new ChangeRequest(CorrectionKind.SetDeadline, Value: "2025-06-30")]), false, "张三", null, "table", TextWriter.Null, unknown));
        Assert.Contains("PL-C11", unknown.ToString(), StringComparison.Ordinal);

        var json = new StringWriter();
        Assert.Equal(0, await CorrectionsCommand.ListAsync(Database, null, "json", json, TextWriter.Null));
        using (var list = JsonDocument.Parse(json.ToString()))
        {
            var row = Assert.Single(list.RootElement.EnumerateArray());
            Assert.Equal(("applied", $"{Doc}#1", "cooperating", "张三", "漏读"), (row.GetProperty("state").GetString(), row.GetProperty("appliedTo").GetString(), row.GetProperty("field").GetString(), row.GetProperty("by").GetString(), row.GetProperty("why").GetString()));
        }

        var reverted = new StringWriter();
        Assert.Equal(0, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#1", []), true, "李四", null, "table", reverted, TextWriter.Null));
        Assert.Contains("已撤销 1 条校对", reverted.ToString(), StringComparison.Ordinal);
        await using var db = await Database.OpenAsync();
        Assert.False((await LedgerQueries.RowsAsync(db, new LedgerFilter())).Single(r => r.Item == "1").Corrected);
    }

    [Fact]
    public async Task Import_reports_the_corrections_it_applied_again_and_those_it_orphaned()
    {
        var path = await ImportSampleAsync();
        Assert.Equal(0, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#2", [new ChangeRequest(CorrectionKind.SetDeadline, Value: "2025-09-30")]), false, "张三", null, "table", TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#3", [new ChangeRequest(CorrectionKind.SetDeadline, Value: "2025-10-31")]), false, "张三", null, "table", TextWriter.Null, TextWriter.Null));

        // A new version without item 3: its correction is orphaned, the other applied again.
        var lines = File.ReadAllText(path);
        var three = lines.IndexOf("\n3.", StringComparison.Ordinal);
        var four = lines.IndexOf("\n4.", StringComparison.Ordinal);
        Assert.True(three > 0 && four > three, "the sample has items 3 and 4 at line starts");
        var rest = System.Text.RegularExpressions.Regex.Replace(lines[four..], @"\n(\d{1,2})\.", m => $"\n{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1}.");
        File.WriteAllText(path, lines[..three] + rest);
        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(Database, [path], null, output, TextWriter.Null));

        Assert.Contains("校对：1 条已套用，1 条失去对应", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("PL-C0", output.ToString(), StringComparison.Ordinal);
        var table = new StringWriter();
        Assert.Equal(0, await CorrectionsCommand.ListAsync(Database, Doc, "table", table, TextWriter.Null));
        Assert.Contains("共 2 条校对：1 条已套用，1 条失去对应", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_and_import_name_the_file_and_a_broken_entry_gives_exit_code_1()
    {
        await ImportSampleAsync();
        Assert.Equal(0, await CorrectCommand.RunAsync(Database, new CorrectionInput($"{Doc}#1", [new ChangeRequest(CorrectionKind.SetTarget, Value: "5万元")]), false, "张三", null, "table", TextWriter.Null, TextWriter.Null));
        var file = Path.Combine(_folder, "out", "校对.yaml");
        var output = new StringWriter();
        Assert.Equal(0, await CorrectionsCommand.ExportAsync(Database, file, null, output, TextWriter.Null));
        Assert.Contains("导出 1 条校对，0 条核对记录", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("change: target", File.ReadAllText(file), StringComparison.Ordinal);

        var again = new StringWriter();
        Assert.Equal(0, await CorrectionsCommand.ImportAsync(Database, file, null, null, again, TextWriter.Null));
        Assert.Contains("0 条新增，0 条替换，1 条已有", again.ToString(), StringComparison.Ordinal);

        File.AppendAllText(file, "\n# a broken entry appended by hand\n");
        var broken = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(broken, $"corrections:\n- item: {Doc}#2\n  text: 某句\n  change: deadline\n  value: 2025-02-30\n");
        var errors = new StringWriter();
        Assert.Equal(1, await CorrectionsCommand.ImportAsync(Database, broken, null, null, TextWriter.Null, errors));
        Assert.Contains($"broken.yaml：corrections 第1条（第2行，{Doc}#2）：截止日期“2025-02-30”不是日期", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await CorrectionsCommand.ImportAsync(Database, Path.Combine(_folder, "none.yaml"), null, null, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Review_shows_progress_and_the_clause_as_written_and_marks_items_checked()
    {
        await ImportSampleAsync();
        var output = new StringWriter();
        Assert.Equal(0, await ReviewCommand.RunAsync(Database, null, [], false, 3, "table", "王五", output, TextWriter.Null));
        var text = output.ToString();
        Assert.Contains("校对进度", text, StringComparison.Ordinal);
        Assert.Contains($"{Doc}\t", text, StringComparison.Ordinal);
        Assert.Contains("原文：", text, StringComparison.Ordinal);
        Assert.Contains("读作：牵头", text, StringComparison.Ordinal);

        var marked = new StringWriter();
        Assert.Equal(0, await ReviewCommand.RunAsync(Database, null, [$"{Doc}#1"], false, 50, "table", "王五", marked, TextWriter.Null));
        Assert.Contains($"{Doc}#1：已记为核对无误", marked.ToString(), StringComparison.Ordinal);
        var errors = new StringWriter();
        Assert.Equal(1, await ReviewCommand.RunAsync(Database, null, [$"{Doc}#999"], false, 50, "table", "王五", TextWriter.Null, errors));
        Assert.Contains("PL-C11", errors.ToString(), StringComparison.Ordinal);

        var json = new StringWriter();
        Assert.Equal(0, await ReviewCommand.RunAsync(Database, Doc, [], true, 0, "json", "王五", json, TextWriter.Null));
        using var parsed = JsonDocument.Parse(json.ToString());
        var progress = Assert.Single(parsed.RootElement.GetProperty("progress").EnumerateArray());
        Assert.Equal(1, progress.GetProperty("checked").GetInt32());
        Assert.Equal(progress.GetProperty("items").GetInt32() - 1, progress.GetProperty("left").GetInt32());
        var first = parsed.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == $"{Doc}#1");
        Assert.Equal(("checked", "王五"), (first.GetProperty("state").GetString(), first.GetProperty("checkedBy").GetString()));
        Assert.Contains("牵头单位", first.GetProperty("clause").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
