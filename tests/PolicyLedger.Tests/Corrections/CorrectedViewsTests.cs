using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tests.Tracking;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Corrections;

/// <summary>
/// What the web pages take from the corrections beside the items tracking shows: the 事项's roles in effect (a
/// reviewer's unit marked corrected, the replaced one gone, the changes listed) and the 台账's 已校对 marks (the review's
/// checks, matched among the page's items as the review matches them), on SQLite and PostgreSQL.
/// </summary>
public class CorrectedViewsTests
{
    private const string Doc = "甲政〔2024〕1号";

    private static readonly DateOnly July10 = new(2024, 7, 10);

    [Fact]
    public Task Sqlite() => CheckAsync(null);

    [SkippableFact]
    public Task Postgres()
    {
        var server = Environment.GetEnvironmentVariable("POLICYLEDGER_TEST_PG");
        Skip.If(string.IsNullOrWhiteSpace(server), "SKIPPED: no PostgreSQL server: POLICYLEDGER_TEST_PG is not set (eval \"$(bash scripts/start-postgres.sh)\" sets it; CI does)");
        return CheckAsync(server);
    }

    private static async Task CheckAsync(string? server)
    {
        await using var l = await TrackingLedger.CreateAsync(server);
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "甲一", ["财政局", "人社局"], null), ("2", "甲二", ["财政局"], null), ("3", "甲三", ["人社局"], null), ("4", "甲四", ["交通运输局"], null)],
            docNumber: Doc);
        var lead = new ChangeRequest(CorrectionKind.SetRole, LedgerRole.Lead, "交通运输局");
        Assert.True((await l.Get<CorrectionService>().CorrectAsync(l.Admin, new CorrectionInput($"{Doc}#1", [lead], "核对原文"))).Ok);
        Assert.Null((await l.Get<ReviewService>().MarkCheckedAsync(l.Admin, $"{Doc}#2")).Problem);
        Assert.Null((await l.Get<ReviewService>().MarkCheckedAsync(l.Admin, $"{Doc}#4")).Problem);

        // 事项: the lead the reviewer gave, marked; the lead as read gone; the other roles as read; the change with why.
        var corrected = await l.Get<ItemDetailService>().DetailAsync(l.Admin, $"{Doc}#1", July10);
        Assert.True(corrected.Ok, corrected.Problem?.Message);
        var leads = corrected.Value.Roles.Where(r => r.Role == LedgerRole.Lead).ToList();
        var newLead = Assert.Single(leads);
        Assert.Equal(("交通运输局", true), (newLead.Unit?.Name, newLead.Corrected));
        var responsible = Assert.Single(corrected.Value.Roles, r => r.Role == LedgerRole.Responsible);
        Assert.Equal(("人社局", false), (responsible.Unit?.Name, responsible.Corrected));
        Assert.Equal(corrected.Value.Item.Units.Select(u => u.Name), corrected.Value.Roles.Where(r => r.Role != LedgerRole.Cooperating).Select(r => r.Unit?.Name));
        var change = Assert.Single(corrected.Value.Changes);
        Assert.Equal(("lead", "交通运输局", "核对原文"), (change.Field, change.After, change.Why));

        var asRead = await l.Get<ItemDetailService>().DetailAsync(l.Admin, $"{Doc}#3", July10);
        Assert.True(asRead.Ok);
        Assert.Equal([("人社局", false)], asRead.Value.Roles.Select(r => (r.Unit?.Name, r.Corrected)));
        Assert.Empty(asRead.Value.Changes);

        // 台账: the checked items among those shown, the same the review queue counts as checked.
        var status = await l.Get<StatusService>().StatusAsync(l.Admin, new StatusQuery(TrackingScope.Default, July10));
        Assert.True(status.Ok);
        var items = status.Value!.Rows.Select(r => r.Item).ToList();
        var documents = await l.Get<DocumentService>().ListAsync(l.Admin);
        var files = documents.Value!.ToDictionary(d => d.Id, d => d.FileName);
        var marks = await l.Get<ReviewService>().CheckedAsync(items, files);
        Assert.Equal([$"{Doc}#2", $"{Doc}#4"], marks.Keys.Order(StringComparer.Ordinal));
        Assert.All(marks.Values, by => Assert.Equal(l.Admin.Name, by));
        var queue = await l.Get<ReviewService>().QueueAsync(l.Admin, all: true);
        Assert.Equal(queue.Rows.Where(r => r.State == ReviewState.Checked).Select(r => r.Key).Order(StringComparer.Ordinal), marks.Keys.Order(StringComparer.Ordinal));

        // Among a page's items only.
        Assert.Equal([$"{Doc}#4"], (await l.Get<ReviewService>().CheckedAsync(items.Where(i => i.Key.EndsWith("#4", StringComparison.Ordinal)).ToList(), files)).Keys);
        Assert.Empty(await l.Get<ReviewService>().CheckedAsync(items.Where(i => i.Key.EndsWith("#3", StringComparison.Ordinal)).ToList(), files));
        Assert.Empty(await l.Get<ReviewService>().CheckedAsync([], files));
    }
}
