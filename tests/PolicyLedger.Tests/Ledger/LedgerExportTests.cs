using System.Text.Json;
using ClosedXML.Excel;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Export;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Ledger;

/// <summary>The workbook export, checked by opening the written .xlsx with ClosedXML.</summary>
public sealed class LedgerExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-export-").FullName;

    private LedgerDatabase Database => LedgerDatabase.Sqlite(Path.Combine(_folder, "ledger.db"));

    [SkippableFact]
    public async Task The_workbook_of_seed_000_holds_its_tasks_in_the_ledger_layout()
    {
        SharedData.Require();
        var seed = SharedData.Path("seeds", "000_9d4e57dbb9f33d71.txt");
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("gold", "000_9d4e57dbb9f33d71.json")));
        var goldItems = gold.RootElement.GetProperty("documents")[0].GetProperty("item_list");
        var summary = await new LedgerImporter(Database, PolicyReader.Default, new ResolverUnitResolution(), TimeProvider.System).ImportAsync([seed]);
        Assert.Equal(0, summary.Failed);
        var xlsx = Path.Combine(_folder, "out", "台账.xlsx");

        Assert.Equal(0, await ExportCommand.RunAsync(Database, xlsx, TrackingScope.Default, null, new DateOnly(2024, 7, 1), null, CliIo.Of(TextWriter.Null, TextWriter.Null)));

        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheet("济管〔2023〕19号");
        Assert.Contains("济管〔2023〕19号", sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal(LedgerWorkbook.Header, Enumerable.Range(1, 9).Select(c => sheet.Cell(2, c).GetString()));
        Assert.Equal(2, sheet.SheetView.SplitRow);
        Assert.True(sheet.Cell(3, 2).Style.Alignment.WrapText);
        Assert.True(sheet.Column(2).Width >= 40);

        // The first task, as the reference reading has it.
        var first = goldItems[0];
        Assert.Equal("1", sheet.Cell(3, 1).GetString());
        Assert.StartsWith(first.GetProperty("starts_with").GetString()!, sheet.Cell(3, 2).GetString(), StringComparison.Ordinal);
        Assert.Equal(Joined(first, "lead"), sheet.Cell(3, 3).GetString());
        Assert.Equal(Joined(first, "responsible"), sheet.Cell(3, 4).GetString());

        // One row per stored task, and a 责任矩阵 whose counts are the ledger's.
        await using var context = Database.CreateContext();
        var rows = await LedgerQueries.RowsAsync(context, new LedgerFilter(Document: "济管〔2023〕19号"));
        Assert.Equal(rows.Count, sheet.LastRowUsed()!.RowNumber() - 2);
        var matrix = workbook.Worksheet(LedgerWorkbook.MatrixSheet);
        Assert.Equal(["单位", "辖区", "类别", "牵头", "责任", "配合", "合计"], Enumerable.Range(1, 7).Select(c => matrix.Cell(1, c).GetString()));
        var units = await LedgerQueries.UnitsAsync(context);
        var top = units[0];
        Assert.Equal(top.Unit, matrix.Cell(2, 1).GetString());
        Assert.Equal(top.Leads, matrix.Cell(2, 4).GetValue<int>());
        Assert.Equal(top.Responsible, matrix.Cell(2, 5).GetValue<int>());
        Assert.Equal(units.Count + 1, matrix.LastRowUsed()!.RowNumber());
    }

    [Fact]
    public async Task Export_for_one_unit_keeps_only_its_tasks()
    {
        var file = Path.Combine(_folder, "a.txt");
        File.WriteAllText(file, "DOC 甲〔2023〕1号|焦作市人民政府|通知\nITEM 1|一|R=市财政局\nITEM 2|二|R=市税务局\nITEM 3|三|L=市税务局|C=市财政局");
        await new LedgerImporter(Database, LedgerTestFiles.Read, new MentionUnitResolution(), TimeProvider.System).ImportAsync([file]);
        var xlsx = Path.Combine(_folder, "unit.xlsx");

        Assert.Equal(0, await ExportCommand.RunAsync(Database, xlsx, TrackingScope.Default, "市财政局", new DateOnly(2024, 7, 1), null, CliIo.Of(TextWriter.Null, TextWriter.Null)));

        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheet("甲〔2023〕1号");
        Assert.Equal(["1", "3"], new[] { sheet.Cell(3, 1).GetString(), sheet.Cell(4, 1).GetString() });
        Assert.Equal(("市税务局", "市财政局"), (sheet.Cell(4, 3).GetString(), sheet.Cell(4, 5).GetString()));
        Assert.True(sheet.Cell(5, 1).IsEmpty());
        Assert.Equal("市财政局", workbook.Worksheet(LedgerWorkbook.MatrixSheet).Cell(2, 1).GetString());
    }

    [Theory]
    [InlineData("济管〔2023〕19号", "济管〔2023〕19号")]
    [InlineData("a/b:c*d?[e]", "a_b_c_d__e_")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void Sheet_names_are_ones_excel_accepts(string wanted, string expected) =>
        Assert.Equal(expected, LedgerWorkbook.SheetName(wanted, new HashSet<string>()));

    [Fact]
    public void Sheet_names_stay_unique() =>
        Assert.Equal("通知(2)", LedgerWorkbook.SheetName("通知", new HashSet<string> { "通知" }));

    private static string Joined(JsonElement item, string role) =>
        item.GetProperty("roles").TryGetProperty(role, out var units) ? string.Join("、", units.EnumerateArray().Select(u => u.GetString())) : string.Empty;

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
