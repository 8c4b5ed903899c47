using Microsoft.Extensions.Time.Testing;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>Each status rule on its own, with a fake clock; a 2024 task (due 2024-12-31), quarterly reports at quarter end.</summary>
public class StatusRulesTests
{
    private static readonly ItemSchedule Year2024 = new(D("2024-01-01"), D("2024-12-31"), "plan-year");
    private static readonly ReportingCadence Quarterly = ReportingCadence.Default;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static ReportSnapshot R(string period, decimal? percent, string submitted, bool done = false) =>
        new(ReportingPeriod.Parse(period), percent, done, D(submitted));

    /// <summary>The as-of date comes from a fake clock set to 10:00 in China on that day.</summary>
    private static DateOnly Clock(string date)
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(D(date).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
        return TrackingClock.Today(fake);
    }

    private static StatusResult At(string date, params ReportSnapshot[] reports) =>
        StatusRules.Evaluate(Year2024, reports, Quarterly, Clock(date));

    [Fact]
    public void Fake_clock_gives_the_date_in_China()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2024, 6, 30, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(D("2024-07-01"), TrackingClock.Today(fake));
        fake.Advance(TimeSpan.FromDays(1));
        Assert.Equal(D("2024-07-02"), TrackingClock.Today(fake));
    }

    [Fact]
    public void Done_when_reported_done() =>
        Assert.Equal(TrackingState.Done, At("2024-07-10", R("2024Q2", 60, "2024-06-28", done: true)).State);

    [Fact]
    public void Done_when_reported_100_percent_even_after_the_deadline() =>
        Assert.Equal(TrackingState.Done, At("2025-02-01", R("2024Q4", 100, "2024-12-30")).State);

    [Fact]
    public void Ahead_when_well_above_elapsed_share()
    {
        var s = At("2024-07-10", R("2024Q2", 70, "2024-06-28"));
        Assert.Equal(TrackingState.Ahead, s.State);
        Assert.Equal(TrafficLight.Green, s.Light);
        Assert.Equal(49.7m, s.ExpectedPercent);
    }

    [Fact]
    public void On_schedule_when_keeping_up() =>
        Assert.Equal(TrackingState.OnSchedule, At("2024-07-10", R("2024Q2", 50, "2024-06-28")).State);

    [Fact]
    public void On_schedule_within_tolerance() =>
        Assert.Equal(TrackingState.OnSchedule, At("2024-07-10", R("2024Q2", 45, "2024-06-28")).State);

    [Fact]
    public void Behind_when_under_elapsed_share()
    {
        var s = At("2024-07-10", R("2024Q2", 30, "2024-06-28"));
        Assert.Equal(TrackingState.Behind, s.State);
        Assert.Equal(TrafficLight.Yellow, s.Light);
    }

    [Fact]
    public void Overdue_the_day_after_the_deadline()
    {
        Assert.Equal(TrackingState.OnSchedule, At("2024-12-31", R("2024Q4", 95, "2024-12-31")).State);
        var s = At("2025-01-01", R("2024Q4", 95, "2024-12-31"));
        Assert.Equal(TrackingState.Overdue, s.State);
        Assert.Equal(TrafficLight.Red, s.Light);
    }

    [Fact]
    public void Overdue_beats_not_reported() =>
        Assert.Equal(TrackingState.Overdue, At("2025-01-02").State);

    [Fact]
    public void Not_reported_from_the_due_date_on()
    {
        // Q1 is due at 2024-03-31: before it nothing is due; from it on, no report means 未报送.
        Assert.Equal(TrackingState.OnSchedule, At("2024-03-30").State);
        var s = At("2024-03-31");
        Assert.Equal(TrackingState.NotReported, s.State);
        Assert.Equal(ReportingPeriod.Parse("2024Q1"), s.DuePeriod);
    }

    [Fact]
    public void Not_reported_when_the_latest_due_period_is_missing_though_an_earlier_one_is_there() =>
        Assert.Equal(TrackingState.NotReported, At("2024-07-01", R("2024Q1", 25, "2024-03-29")).State);

    [Fact]
    public void A_late_report_counts_once_it_is_in()
    {
        var late = R("2024Q2", 50, "2024-07-08");
        Assert.Equal(TrackingState.NotReported, At("2024-07-07", late).State);
        Assert.Equal(TrackingState.OnSchedule, At("2024-07-08", late).State);
    }

    [Fact]
    public void Reports_submitted_after_the_as_of_date_are_not_seen() =>
        Assert.Equal(TrackingState.NotReported, At("2024-04-02", R("2024Q1", 100, "2024-04-03")).State);

    [Fact]
    public void No_deadline_when_reported()
    {
        var open = new ItemSchedule(D("2024-01-01"), null, "none");
        var s = StatusRules.Evaluate(open, [R("2024Q1", 40, "2024-03-30")], Quarterly, Clock("2024-04-15"));
        Assert.Equal(TrackingState.NoDeadline, s.State);
        Assert.Equal(TrafficLight.Grey, s.Light);
    }

    [Fact]
    public void No_deadline_item_still_must_report() =>
        Assert.Equal(TrackingState.NotReported,
            StatusRules.Evaluate(new ItemSchedule(D("2024-01-01"), null, "none"), [], Quarterly, Clock("2024-04-15")).State);

    [Fact]
    public void Monthly_due_on_the_fifth()
    {
        var monthly = new ReportingCadence(PeriodKind.Month, 5, "test");
        Assert.Equal(TrackingState.OnSchedule, StatusRules.Evaluate(Year2024, [R("2024-01", 10, "2024-02-01")], monthly, Clock("2024-03-04")).State);
        Assert.Equal(TrackingState.NotReported, StatusRules.Evaluate(Year2024, [R("2024-01", 10, "2024-02-01")], monthly, Clock("2024-03-05")).State);
    }

    [Fact]
    public void A_task_that_starts_later_owes_nothing_before_its_start()
    {
        var h2 = new ItemSchedule(D("2024-07-01"), D("2024-12-31"), "text");
        Assert.Equal(TrackingState.OnSchedule, StatusRules.Evaluate(h2, [], Quarterly, Clock("2024-07-15")).State);
    }

    [Fact]
    public void Schedule_from_text_then_plan_year_then_none()
    {
        var text = ItemSchedule.Decide([(null, D("2024-06-30"), false)], 2024, D("2024-06-27"), D("2000-01-01"));
        Assert.Equal((D("2024-01-01"), D("2024-06-30"), "text"), (text.Start, text.Deadline, text.Basis));
        var plan = ItemSchedule.Decide([(null, null, true)], 2024, D("2024-06-27"), D("2000-01-01"));
        Assert.Equal((D("2024-01-01"), (DateOnly?)D("2024-12-31"), "plan-year"), (plan.Start, plan.Deadline, plan.Basis));
        var none = ItemSchedule.Decide([], null, D("2023-01-19"), D("2000-01-01"));
        Assert.Equal((D("2023-01-19"), (DateOnly?)null, "none"), (none.Start, none.Deadline, none.Basis));
    }

    [Theory]
    [InlineData("济源市人民政府关于明确政府工作报告提出的2024年重点工作责任单位的通知", 2024)]
    [InlineData("关于印发2023年至2025年行动方案的通知", null)]
    [InlineData("关于进一步提振市场信心的若干政策措施", null)]
    public void Plan_year_from_title(string title, int? year) => Assert.Equal(year, PolicyLedger.Reading.Text.ChineseNumerals.PlanYear(title));

    [Theory]
    [InlineData("done", "已完成")]
    [InlineData("ahead", "超进度")]
    [InlineData("on_schedule", "达进度")]
    [InlineData("behind", "欠进度")]
    [InlineData("overdue", "逾期")]
    [InlineData("not_reported", "未报送")]
    [InlineData("no_deadline", "无时限")]
    public void State_names(string code, string chinese)
    {
        Assert.True(TrackingStates.TryParse(code, out var s));
        Assert.Equal(chinese, s.Chinese());
        Assert.True(TrackingStates.TryParse(chinese, out var t));
        Assert.Equal(code, t.Code());
    }
}
