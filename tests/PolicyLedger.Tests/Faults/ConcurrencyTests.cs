using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// Issue 15, finding 7: concurrent writers on one ledger. Real CLI processes at once: two imports of different
/// folders sharing their units, the same folder imported twice, a progress report and a 台账 report — every process
/// ends in success and everything is stored once.
/// </summary>
public sealed class ConcurrencyTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Four_processes_importing_and_reporting_at_once_store_everything(string provider)
    {
        using var ledger = TestLedger.Create(provider);
        const int Files = 150;
        var first = ledger.Samples("first", Files);
        var second = ledger.Samples("second", Files);
        var seed = ledger.Samples("seed", 1);
        Assert.Equal(0, (await RealCli.RunAsync(ledger.Args("import", seed), Long)).ExitCode);
        var status = await RealCli.RunAsync(ledger.Args("status", "--as-of", "2025-07-10", "--format", "json"), Long);
        Assert.Equal(0, status.ExitCode);
        Assert.NotEmpty(JsonDocument.Parse(status.Output).RootElement.EnumerateArray());

        // The first item by its file-based key ("1#1"): the imports below add 300 copies of the same documents, and once
        // one of their batches is in, the key the commands show (the document's title and date, "#1") names them all
        // (PL-R01, never a guess) — whether the report met it depended on which process got there first.
        string item;
        await using (var seeded = ledger.Context())
        {
            var head = await seeded.Items.Where(i => i.Document!.IsCurrent)
                .OrderBy(i => i.Document!.SourceId).ThenBy(i => i.Document!.Position).ThenBy(i => i.Ordinal)
                .Select(i => new { i.Document!.SourceId, i.Document.Position, i.Key }).FirstAsync();
            item = PolicyLedger.Ledger.Tracking.TrackedItem.MakeKey(head.SourceId, head.Position, head.Key);
        }

        // Started together: the report lands while the imports write their batches.
        using var importFirst = RealCli.Start(ledger.Args("import", first));
        using var importSecond = RealCli.Start(ledger.Args("import", second));
        using var importFirstAgain = RealCli.Start(ledger.Args("import", first));
        using var report = RealCli.Start(ledger.Args("progress", "add", "--item", item, "--period", "2025Q2", "--percent", "40", "--narrative", "按计划推进", "--by", "测试员"));
        using var read = RealCli.Start(ledger.Args("ledger", "--format", "json"));
        var runs = new[]
        {
            await importFirst.WaitAsync(Long), await importSecond.WaitAsync(Long), await importFirstAgain.WaitAsync(Long),
            await report.WaitAsync(Long), await read.WaitAsync(Long),
        };

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        await using var c = ledger.Context();
        Assert.Equal(1 + (2 * Files), await c.Sources.CountAsync());
        Assert.Equal(1 + (2 * Files), await c.Documents.CountAsync(d => d.IsCurrent));
        Assert.Equal(0, await c.ImportLog.CountAsync(l => l.Outcome == ImportOutcome.Failed));
        Assert.Equal(0, await c.Documents.CountAsync(d => d.Version > 1));
        var keys = await c.Units.Select(u => u.Key).ToListAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        await ledger.AssertWholeAsync();
        var stored = await c.ProgressReports.SingleAsync();
        Assert.Equal(40m, stored.Percent);

        // The same folder twice at once: every file imported by one process and found unchanged by the other.
        var imported = new[] { runs[0], runs[2] }.Sum(r => Count(r.Output, "新导入"));
        var unchanged = new[] { runs[0], runs[2] }.Sum(r => Count(r.Output, "未变"));
        Assert.Equal((Files, Files), (imported, unchanged));
    }

    /// <summary>"150 个文件：新导入 150 个，新版本 0 个，未变 0 个，…": the number after a word of the summary.</summary>
    private static int Count(string summary, string word)
    {
        var line = summary.Split('\n').Single(l => l.Contains(" 个文件：", StringComparison.Ordinal));
        var part = line.Split(['，', '：', '；']).Select(p => p.Trim()).First(p => p.StartsWith(word + " ", StringComparison.Ordinal));
        return int.Parse(part.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
