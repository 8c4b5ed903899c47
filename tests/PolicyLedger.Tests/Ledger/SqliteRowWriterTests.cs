using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;

namespace PolicyLedger.Tests.Ledger;

/// <summary>On SQLite the importer inserts with prepared commands: what it stores reads back exactly as EF Core's inserts.</summary>
public sealed class SqliteRowWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-rows-").FullName;

    [Fact]
    public async Task Prepared_inserts_read_back_as_entity_framework_inserts()
    {
        var files = Enumerable.Range(1, 3).Select(i =>
        {
            var path = Path.Combine(_folder, $"{i}.txt");
            File.WriteAllText(path, LedgerTestFiles.Document($"甲〔2023〕{i}号", i + 1, doubtful: true));
            return path;
        }).ToList();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 30, 15, TimeSpan.Zero));

        async Task<string> ImportAndDump(string name, bool entityFramework)
        {
            var database = LedgerDatabase.Sqlite(Path.Combine(_folder, name));
            await new LedgerImporter(database, LedgerTestFiles.Read, new MentionUnitResolution(), time, new ImportOptions { EntityFrameworkInserts = entityFramework }).ImportAsync(files);
            await using var c = database.CreateContext();
            var rows = await LedgerQueries.RowsAsync(c, new LedgerFilter());
            var units = await LedgerQueries.UnitsAsync(c);
            var documents = await c.Documents.OrderBy(d => d.Id).Select(d => new { d.Id, d.SourceId, d.ImportedAt, d.IsCurrent, d.Date, d.ItemCount }).ToListAsync();
            var quantities = await c.Quantities.OrderBy(q => q.Id).Select(q => new { q.Id, q.ItemId, q.Value, q.High, q.Bound }).ToListAsync();
            var times = await c.Times.OrderBy(t => t.Id).Select(t => new { t.End, t.YearFromContext }).ToListAsync();
            var roles = await c.Responsibilities.OrderBy(r => r.Id).Select(r => new { r.Id, r.ItemId, r.Implied, r.GovernsText, r.GovernsStart, r.GovernsLength }).ToListAsync();
            var notes = await c.ItemDiagnostics.OrderBy(d => d.Id).Select(d => new { d.Id, d.ItemId, d.Ordinal, d.Code, d.Severity, d.Message, d.SpanStart, d.SpanLength }).ToListAsync();
            return System.Text.Json.JsonSerializer.Serialize(new { rows, units, documents, quantities, times, roles, notes });
        }

        var prepared = await ImportAndDump("prepared.db", entityFramework: false);
        var efCore = await ImportAndDump("efcore.db", entityFramework: true);

        Assert.Equal(efCore, prepared);
        Assert.Contains("2026-03-01T08:30:15+00:00", prepared, StringComparison.Ordinal);
        Assert.Contains("\"Implied\":true", prepared, StringComparison.Ordinal);
        Assert.Contains("\"Code\":\"PL404\"", prepared, StringComparison.Ordinal);
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
