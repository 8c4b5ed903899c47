using PolicyLedger.Cli.Commands;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>Reports carry the day they were submitted: status at a date counts those submitted by then; lateness is by their own dates.</summary>
public class DatedReportTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    private static async Task<TrackingLedger> LedgerAsync(bool enteredLater = true)
    {
        var l = await TrackingLedger.CreateAsync();
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "甲一", ["财政局"], null), ("2", "甲二", ["人社局"], null)], jurisdiction: "甲市", docNumber: "甲政〔2024〕1号");
        if (enteredLater)
        {
            l.At("2026-11-29"); // reports are entered long after they were made
        }

        return l;
    }

    private static ReportInput R(string key, decimal percent, DateOnly? on) => new(key, Q2, percent, false, null, "推进", [], null, SubmittedOn: on);

    [Fact]
    public async Task A_report_entered_today_for_a_past_date_counts_from_that_date()
    {
        await using var l = await LedgerAsync();
        Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(R("甲政〔2024〕1号#1", 50, new DateOnly(2024, 6, 28)))).Outcome);
        Assert.Equal(ReportOutcome.Added, (await l.ReportAsync(R("甲政〔2024〕1号#2", 50, new DateOnly(2024, 7, 5)))).Outcome);

        var before = await l.StatusAsync(new DateOnly(2024, 7, 3));
        Assert.Equal([TrackingState.OnSchedule, TrackingState.NotReported], before.Select(r => r.Status.State));
        var after = await l.StatusAsync(new DateOnly(2024, 7, 10));
        Assert.Equal([TrackingState.OnSchedule, TrackingState.OnSchedule], after.Select(r => r.Status.State));
        Assert.Equal(new DateOnly(2024, 7, 5), after[1].LastSubmitted);

        // The bulletin of the quarter counts the second one late, by its own date.
        var bulletin = await l.Get<BulletinService>().BulletinAsync(l.Admin, new BulletinRequest(Q2, new TrackingScope("甲市"), new DateOnly(2024, 7, 10), null, "督查室", ["各单位"]));
        var late = Assert.Single(bulletin.Value!.LateUnits);
        Assert.Equal(("人社局", 1, 0), (late.Unit.Name, late.Late, late.Missing));
    }

    [Fact]
    public async Task Without_on_a_report_is_dated_today_in_the_offices_time_zone()
    {
        await using var l = await LedgerAsync(enteredLater: false);
        // 2024-06-30 20:30 UTC is 2024-07-01 04:30 in Shanghai.
        l.Clock.SetUtcNow(new DateTimeOffset(2024, 6, 30, 20, 30, 0, TimeSpan.Zero));
        await l.ReportAsync(R("甲政〔2024〕1号#1", 50, null));
        Assert.Equal(new DateOnly(2024, 7, 1), l.Db.ProgressReports.Single().SubmittedOn);
    }

    [Fact]
    public async Task A_date_in_the_future_or_before_the_period_is_refused()
    {
        await using var l = await LedgerAsync();
        Assert.Equal("PL-R06", (await l.ReportAsync(R("甲政〔2024〕1号#1", 50, new DateOnly(2027, 1, 1)))).Problem!.Code);
        Assert.Equal("PL-R07", (await l.ReportAsync(R("甲政〔2024〕1号#1", 50, new DateOnly(2024, 3, 1)))).Problem!.Code);
        Assert.Empty(l.Db.ProgressReports);
    }

    [Fact]
    public async Task A_correction_keeps_the_first_date_unless_a_new_one_is_given()
    {
        await using var l = await LedgerAsync();
        await l.ReportAsync(R("甲政〔2024〕1号#1", 50, new DateOnly(2024, 6, 28)));
        Assert.Equal(ReportOutcome.Corrected, (await l.ReportAsync(R("甲政〔2024〕1号#1", 60, null))).Outcome);
        Assert.Equal(new DateOnly(2024, 6, 28), l.Db.ProgressReports.Single().SubmittedOn);
        Assert.Equal(ReportOutcome.Corrected, (await l.ReportAsync(R("甲政〔2024〕1号#1", 60, new DateOnly(2024, 7, 2)))).Outcome);
        Assert.Equal(new DateOnly(2024, 7, 2), l.Db.ProgressReports.Single().SubmittedOn);
    }

    [Theory]
    [InlineData("2024-06-28")]
    [InlineData("2024/6/28")]
    [InlineData("2024.6.28")]
    [InlineData("2024年6月28日")]
    public async Task Progress_add_takes_on_in_every_accepted_form(string on)
    {
        await using var l = await LedgerAsync();
        Assert.True(DateInput.TryParse(on, out var date));
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await ProgressCommand.AddAsync(l.Database, new ProgressCommand.AddRequest("甲政〔2024〕1号#1", Q2, 50, false, null, null, [], null, date), "张三", CliIo.Of(output, errors));
        Assert.True(code == 0, errors.ToString());
        Assert.Contains("已添加", output.ToString(), StringComparison.Ordinal);
        var stored = l.Db.ProgressReports.Single();
        Assert.Equal((new DateOnly(2024, 6, 28), "张三"), (stored.SubmittedOn, stored.ReportedBy));
    }
}
