using System.Text.Json;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Ledger;

/// <summary>The ledger commands end to end on the bundled samples: import, then units and ledger as JSON.</summary>
public sealed class LedgerCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-cli-").FullName;

    [Fact]
    public async Task Import_the_samples_then_list_units_and_the_ledger()
    {
        var database = LedgerDatabase.Sqlite(Path.Combine(_folder, "ledger.db"));
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples");
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(0, await ImportCommand.RunAsync(database, [samples], null, output, errors));
        Assert.Contains("新导入", output.ToString(), StringComparison.Ordinal);
        var again = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(database, [samples], null, again, errors));
        Assert.Contains("新导入 0 个，新版本 0 个，未变 2 个", again.ToString(), StringComparison.Ordinal);

        var unitsJson = new StringWriter();
        Assert.Equal(0, await UnitsCommand.RunAsync(database, null, "json", unitsJson, errors));
        using var units = JsonDocument.Parse(unitsJson.ToString());
        Assert.NotEqual(0, units.RootElement.GetArrayLength());
        var unit = units.RootElement[0];
        foreach (var field in new[] { "unit", "jurisdiction", "kind", "mentions" })
        {
            Assert.True(unit.TryGetProperty(field, out _), $"units JSON lacks \"{field}\": {unit}");
        }

        var mention = unit.GetProperty("mentions")[0];
        Assert.Equal(["document", "item", "key", "mention", "role", "corrected"], mention.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith($"#{mention.GetProperty("item").GetString()}", mention.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Contains(mention.GetProperty("role").GetString(), new[] { "lead", "responsible", "cooperating" });

        var ledgerJson = new StringWriter();
        Assert.Equal(0, await LedgerCommand.RunAsync(database, new LedgerFilter(), "json", ledgerJson, errors));
        using var ledger = JsonDocument.Parse(ledgerJson.ToString());
        Assert.NotEqual(0, ledger.RootElement.GetArrayLength());
        foreach (var row in ledger.RootElement.EnumerateArray())
        {
            Assert.Equal($"{row.GetProperty("documentKey").GetString()}#{row.GetProperty("item").GetString()}", row.GetProperty("key").GetString());
        }

        var table = new StringWriter();
        Assert.Equal(0, await LedgerCommand.RunAsync(database, new LedgerFilter(), "table", table, errors));
        Assert.Matches(@"│\s*编号\s*│\s*任务内容\s*│\s*牵头单位\s*│", table.ToString());
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task An_edited_alias_folder_is_applied_when_the_same_files_are_imported_again()
    {
        var database = LedgerDatabase.Sqlite(Path.Combine(_folder, "ledger.db"));
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples");
        var aliases = Directory.CreateDirectory(Path.Combine(_folder, "aliases")).FullName;
        Assert.Equal(0, await ImportCommand.RunAsync(database, [samples], aliases, TextWriter.Null, TextWriter.Null));
        var before = new StringWriter();
        await UnitsCommand.RunAsync(database, "县财政局", "json", before, TextWriter.Null);

        File.WriteAllText(Path.Combine(aliases, "某县.yaml"), "units:\n  县财政局: 财政和金融局\n");
        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(database, [samples], aliases, output, TextWriter.Null));

        Assert.Matches("新导入 0 个，新版本 0 个，未变 [0-9]+ 个，重新解析单位 [1-9][0-9]* 个", output.ToString());
        var after = new StringWriter();
        await UnitsCommand.RunAsync(database, "县财政局", "json", after, TextWriter.Null);
        static string Key(StringWriter json) => JsonDocument.Parse(json.ToString()).RootElement[0].GetProperty("key").GetString()!;
        Assert.NotEqual(Key(before), Key(after));
    }

    [Fact]
    public async Task A_ledger_that_cannot_be_opened_is_named_in_one_clear_message()
    {
        var errors = new StringWriter();
        var database = LedgerDatabase.Parse("Host=127.0.0.1;Port=1;Database=none;Username=x;Timeout=2", _ => null);

        Assert.Equal(2, await LedgerCommand.RunAsync(database, new LedgerFilter(), "table", TextWriter.Null, errors));

        Assert.StartsWith("policyledger：无法连接账本 postgresql://127.0.0.1:1/none 所在的 PostgreSQL 服务器", errors.ToString(), StringComparison.Ordinal);
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
