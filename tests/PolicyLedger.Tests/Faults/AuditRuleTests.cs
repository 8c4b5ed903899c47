using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// Issue 15, finding 11: one audit rule on both providers. An import is one audit row per stored file, which lists the
/// units it created; no row of the import is audited one by one on either provider. Report corrections are keyed by
/// item, so the audit of one item finds them. Real CLI processes.
/// </summary>
public sealed class AuditRuleTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(2);

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_import_is_one_audit_row_per_file_listing_the_units_it_created(string provider)
    {
        using var ledger = TestLedger.Create(provider);
        var folder = ledger.Samples("docs", 4);

        var import = await RealCli.RunAsync(ledger.Args("import", folder), Soon);
        var audit = await RealCli.RunAsync(ledger.Args("audit", "--format", "json", "--limit", "1000"), Soon);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var json = JsonDocument.Parse(audit.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(("import", "sources"), (r.GetProperty("action").GetString(), r.GetProperty("entity").GetString())));
        var created = rows.SelectMany(r => JsonDocument.Parse(r.GetProperty("after").GetString()!).RootElement.GetProperty("NewUnits").EnumerateArray().Select(u => u.GetString()!)).ToList();
        await using var c = ledger.Context();
        var units = await c.Units.Select(u => u.Key).ToListAsync();
        Assert.Equal(units.Order(StringComparer.Ordinal), created.Order(StringComparer.Ordinal));
        Assert.Equal(4, await c.AuditLog.CountAsync());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_correction_is_found_by_the_items_key(string provider)
    {
        using var ledger = TestLedger.Create(provider);
        Assert.Equal(0, (await RealCli.RunAsync(ledger.Args("import", ledger.Samples("docs", 1)), Soon)).ExitCode);
        var status = await RealCli.RunAsync(ledger.Args("status", "--as-of", "2025-07-10", "--format", "json"), Soon);
        var keys = JsonDocument.Parse(status.Output).RootElement.EnumerateArray().Select(e => e.GetProperty("item").GetString()!).ToList();
        var (item, other) = (keys[0], keys[1]);

        foreach (var (key, percent) in new[] { (item, "30"), (other, "10"), (item, "60") })
        {
            var add = await RealCli.RunAsync(ledger.Args("progress", "add", "--item", key, "--period", "2025Q2", "--percent", percent, "--figure", "5", "--by", "王五"), Soon);
            Assert.True(add.ExitCode == 0, add.ToString());
        }

        var audit = await RealCli.RunAsync(ledger.Args("audit", "--item", item, "--format", "json"), Soon);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        var rows = JsonDocument.Parse(audit.Output).RootElement.EnumerateArray()
            .Select(r => (Action: r.GetProperty("action").GetString(), Entity: r.GetProperty("entity").GetString(), Key: r.GetProperty("entityKey").GetString()!)).ToList();
        Assert.Contains(rows, r => r is { Action: "insert", Entity: "progress_reports" });
        Assert.Contains(rows, r => r is { Action: "update", Entity: "progress_reports" });
        Assert.Contains(rows, r => r is { Action: "delete", Entity: "progress_figures" });
        var anchor = rows.First(r => r.Entity == "progress_reports").Key.Split(' ')[0];
        Assert.All(rows, r => Assert.StartsWith(anchor + " 2025Q2", r.Key, StringComparison.Ordinal));
        var all = await RealCli.RunAsync(ledger.Args("audit", "--entity", "progress_reports", "--format", "json"), Soon);
        Assert.Equal(3, JsonDocument.Parse(all.Output).RootElement.GetArrayLength()); // the other item's insert is there, not in the item's rows
    }
}
