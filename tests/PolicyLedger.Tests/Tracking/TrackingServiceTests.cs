using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Claims;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

public class TrackingServiceTests
{
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Parse("2024Q1");
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    private static async Task<TrackingLedger> LedgerAsync()
    {
        var l = await TrackingLedger.CreateAsync();
        var seed = Path.Combine(l.Folder, "plan.txt");
        await File.WriteAllTextAsync(seed, "关于2024年重点工作的通知\n每季度末，各责任单位要向市政府报告重点工作进展情况。\n");
        await l.AddDocumentAsync(seed, "甲市2024年重点工作", new DateOnly(2024, 6, 27),
        [
            ("1", "城镇新增就业1.6万人", ["人社局"], (16000m, "人", "1.6万人")),
            ("2", "一般公共预算收入增长5%", ["财政局"], null),
            ("3", "新建5G基站500个", ["工信局", "人社局"], (500m, "个", "500个")),
        ]);
        return l;
    }

    private static ReportInput R(string item, ReportingPeriod p, decimal? percent, string? narrative = null, decimal? figure = null, bool done = false, string? unit = null, params EvidenceFile[] evidence) =>
        new(item, p, percent, done, figure, narrative, evidence, unit);

    [Fact]
    public async Task Items_carry_key_units_target_schedule_and_cadence_from_text()
    {
        await using var l = await LedgerAsync();
        var items = await l.ItemsAsync();
        Assert.Equal(3, items.Count);
        var first = items[0];
        Assert.Equal($"{first.DocumentKey}#1", first.Key);
        Assert.DoesNotMatch(@"^\d", first.Key);
        Assert.Equal("人社局", Assert.Single(first.Units).Name);
        Assert.Equal(16000m, first.Target);
        Assert.Equal(new DateOnly(2024, 12, 31), first.Schedule.Deadline);
        Assert.Equal("plan-year", first.Schedule.Basis);
        Assert.Equal(PeriodKind.Quarter, first.Cadence.Kind);
        Assert.Contains("每季度末", first.Cadence.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_then_same_again_is_unchanged_then_a_correction_is_audited()
    {
        await using var l = await LedgerAsync();
        var key = (await l.ItemsAsync())[0].Key;
        l.At("2024-06-28");
        Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(R(key, Q2, 50, "开展招聘会", 8000))).Outcome);
        var audits = await l.Db.AuditLog.CountAsync();
        Assert.Equal(ReportOutcome.Unchanged, (await l.ReportAsync(R(key, Q2, 50, "开展招聘会", 8000))).Outcome);
        Assert.Equal(audits, await l.Db.AuditLog.CountAsync());

        l.At("2024-07-02");
        Assert.Equal(ReportOutcome.Corrected, (await l.Reports.AddAsync(Actor.LocalAdmin("李四"), R(key, Q2, 55, "开展招聘会", 8800))).Outcome);
        var correction = await l.Db.AuditLog.Where(a => a.Entity == "progress_reports" && a.Action == "update").SingleAsync();
        Assert.Equal("李四", correction.Actor);
        Assert.Contains("\"Percent\":50", correction.Before, StringComparison.Ordinal);
        Assert.Contains("\"Percent\":55", correction.After, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 7, 2, 2, 0, 0, TimeSpan.Zero), correction.At);

        var stored = await l.Db.ProgressReports.SingleAsync();
        Assert.Equal(new DateTimeOffset(2024, 6, 28, 2, 0, 0, TimeSpan.Zero), stored.SubmittedAt);
        Assert.Equal(new DateOnly(2024, 6, 28), stored.SubmittedOn); // timeliness keeps the first submission
        Assert.Equal(8800m, (await l.Db.ProgressFigures.SingleAsync()).Value);
    }

    [Fact]
    public async Task Rejects_another_units_item_a_bad_percent_and_a_wrong_period_kind()
    {
        await using var l = await LedgerAsync();
        var items = await l.ItemsAsync();
        Assert.Contains("其责任单位是 财政局", (await l.ReportAsync(R(items[1].Key, Q2, 50, unit: "人社局"))).Reason, StringComparison.Ordinal);
        Assert.Contains("超出0–100", (await l.ReportAsync(R(items[0].Key, Q2, 101))).Reason, StringComparison.Ordinal);
        Assert.Equal("PL-R05", (await l.ReportAsync(R(items[0].Key, ReportingPeriod.Parse("2024-05"), 10))).Problem!.Code);
        Assert.Contains("没有编号为 99#1 的事项", (await l.ReportAsync(R("99#1", Q2, 10))).Reason, StringComparison.Ordinal);
        Assert.Equal(0, await l.Db.ProgressReports.CountAsync());
    }

    [Fact]
    public async Task A_second_responsible_unit_may_report()
    {
        await using var l = await LedgerAsync();
        var item = (await l.ItemsAsync())[2];
        Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(R(item.Key, Q2, 50, unit: "人社局"))).Outcome);
    }

    [Fact]
    public async Task Evidence_is_stored_once_and_hashed()
    {
        await using var l = await LedgerAsync();
        var key = (await l.ItemsAsync())[0].Key;
        var file = new EvidenceFile("验收报告.pdf", "evidence"u8.ToArray());
        await l.ReportAsync(R(key, Q1, 30, "a", evidence: file));
        await l.ReportAsync(R(key, Q2, 100, "b", done: true, evidence: file));
        var evidence = await l.Db.ProgressEvidence.ToListAsync();
        Assert.Equal(2, evidence.Count);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("evidence"u8)), evidence[0].Sha256);
        Assert.Equal("验收报告.pdf", evidence[0].FileName);
        Assert.Equal("evidence"u8.ToArray(), (await l.Db.EvidenceBlobs.SingleAsync()).Content);

        // A correction that names no evidence keeps what was filed, and is not warned as done without evidence.
        var correction = await l.ReportAsync(R(key, Q2, 100, "b（更正）", done: true));
        Assert.Equal(ReportOutcome.Corrected, correction.Outcome);
        Assert.DoesNotContain(correction.Warnings, w => w.Code == ClaimCodes.DoneWithoutEvidence);
        Assert.Equal(2, await l.Db.ProgressEvidence.CountAsync());
    }

    [Fact]
    public async Task Claim_warnings_are_returned_and_stored()
    {
        await using var l = await LedgerAsync();
        var key = (await l.ItemsAsync())[0].Key;
        l.At("2024-03-29");
        await l.ReportAsync(R(key, Q1, 40, "开展春风行动招聘会", 9000));
        l.At("2024-06-28");
        var result = await l.ReportAsync(R(key, Q2, 100, "开展春风行动招聘会。", 8000, done: true));
        Assert.Equal(
            [ClaimCodes.FigureDecreased, ClaimCodes.NarrativeCopied, ClaimCodes.DoneWithoutEvidence, ClaimCodes.FigureFarBelowTarget],
            result.Warnings.Select(w => w.Code));
        Assert.Contains(ClaimCodes.NarrativeCopied, (await l.Db.ProgressReports.SingleAsync(r => r.Period == "2024Q2")).Warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_at_a_date_from_stored_reports()
    {
        await using var l = await LedgerAsync();
        var items = await l.ItemsAsync();
        l.At("2024-06-28");
        await l.ReportAsync(R(items[0].Key, Q2, 50));
        await l.ReportAsync(R(items[1].Key, Q2, 20));
        var status = await l.StatusAsync(new DateOnly(2024, 7, 10));
        Assert.Equal([TrackingState.OnSchedule, TrackingState.Behind, TrackingState.NotReported], status.Select(s => s.Status.State));
        var json = PolicyLedger.Cli.Output.TrackingJson.Status(status);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var first = doc.RootElement[0];
        foreach (var name in new[] { "document", "item", "number", "units", "state", "light", "deadline", "lastReport", "key", "jurisdiction" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }

        Assert.Equal(items[0].Key, first.GetProperty("key").GetString());
        Assert.Equal(items[0].Key, first.GetProperty("item").GetString());
        Assert.Equal("甲市", first.GetProperty("jurisdiction").GetString());
        Assert.Equal("人社局", first.GetProperty("units")[0].GetString());
        Assert.Equal("2024-06-28", first.GetProperty("lastReport").GetProperty("submitted").GetString());
        Assert.Equal("on_schedule", first.GetProperty("state").GetString());
        Assert.Equal("2024-12-31", first.GetProperty("deadline").GetString());
        Assert.Equal("2024Q2", first.GetProperty("lastReport").GetProperty("period").GetString());
        Assert.Equal("not_reported", doc.RootElement[2].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Cadence_can_be_overridden()
    {
        await using var l = await LedgerAsync();
        var item = (await l.ItemsAsync())[0];
        Assert.True((await l.Get<CadenceService>().SetAsync(l.Admin, item.SourceId, 0, PeriodKind.Month, 5)).Ok);
        var after = (await l.ItemsAsync())[0];
        Assert.Equal((PeriodKind.Month, (int?)5, "override"), (after.Cadence.Kind, after.Cadence.DueDayOfNextMonth, after.Cadence.Source));
    }

    [Fact]
    public async Task Ledger_rows_saved_through_the_context_are_audited_as_import()
    {
        await using var l = await LedgerAsync();
        var rows = await l.Db.AuditLog.Where(a => a.Context == "import").ToListAsync();
        Assert.Contains(rows, a => a.Entity == "items" && a.Action == "insert" && a.EntityKey == "1" && a.After!.Contains("城镇新增就业", StringComparison.Ordinal));
        Assert.Contains(rows, a => a.Entity == "documents");
        Assert.All(rows, a => Assert.Equal("tester", a.Actor));
    }
}
