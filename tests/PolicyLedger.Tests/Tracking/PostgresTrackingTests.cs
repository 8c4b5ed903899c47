using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>The tracking tables and the audit log on PostgreSQL (the Tracking migration applied there).</summary>
public class PostgresTrackingTests
{
    private const string Variable = "POLICYLEDGER_TEST_PG";

    [SkippableFact]
    public async Task Reports_corrections_audit_and_status_on_postgres()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"SKIPPED: no PostgreSQL server: {Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; CI does)");
        await using var l = await TrackingLedger.CreateAsync(server);
        await l.AddDocumentAsync("/nowhere/plan.txt", "济源市2024年重点工作", new DateOnly(2024, 6, 27),
        [
            ("1", "城镇新增就业1.6万人", ["人社局"], (16000m, "人", "1.6万人")),
            ("2", "一般公共预算收入增长5%", ["财政局"], null),
        ]);
        var items = await l.ItemsAsync();
        var q2 = ReportingPeriod.Parse("2024Q2");
        l.At("2024-06-28");
        Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(new ReportInput(items[0].Key, q2, 50, false, 8000, "招聘会", [], null))).Outcome);
        Assert.Equal(ReportOutcome.Unchanged, (await l.ReportAsync(new ReportInput(items[0].Key, q2, 50, false, 8000, "招聘会", [], null))).Outcome);
        l.At("2024-07-01");
        Assert.Equal(ReportOutcome.Corrected, (await l.ReportAsync(new ReportInput(items[0].Key, q2, 20, false, 8000, "招聘会", [], null))).Outcome);

        var update = await l.Db.AuditLog.SingleAsync(a => a.Entity == "progress_reports" && a.Action == "update");
        Assert.Contains("\"Percent\":50", update.Before, StringComparison.Ordinal);
        var status = await l.StatusAsync(new DateOnly(2024, 7, 10));
        Assert.Equal([TrackingState.Behind, TrackingState.NotReported], status.Select(s => s.Status.State));
        Assert.Contains(await l.Db.AuditLog.Where(a => a.Context == "import").Select(a => a.Entity).ToListAsync(), e => e == "items");
    }

    [SkippableFact]
    public async Task Scopes_dated_reports_and_checked_bulletins_on_postgres()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"SKIPPED: no PostgreSQL server: {Variable} is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; CI does)");
        await using (var l = await ScopeTests.ThreePlacesAsync(server))
        {
            var ambiguous = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10), "财政局"));
            Assert.Equal("PL-S01", ambiguous.Problem!.Code);
            Assert.True((await l.Get<ScopeService>().SaveDefaultAsync(l.Admin, new TrackingScope("乙县"))).Ok);
            Assert.Equal(2, (await l.StatusAsync(new DateOnly(2024, 7, 10))).Count);
        }

        await using var seeded = await BulletinCrossCheckTests.SeededAsync(server);
        Assert.Contains(seeded.Db.ProgressReports, r => r.SubmittedOn < new DateOnly(2025, 1, 1));
        Assert.Equal(532, await BulletinCrossCheckTests.CrossCheckAsync(seeded));
    }
}
