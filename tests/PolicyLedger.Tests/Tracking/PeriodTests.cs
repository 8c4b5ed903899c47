using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

public class PeriodTests
{
    [Theory]
    [InlineData("2024Q2", PeriodKind.Quarter, "2024-04-01", "2024-06-30", "2024Q2")]
    [InlineData("2024q4", PeriodKind.Quarter, "2024-10-01", "2024-12-31", "2024Q4")]
    [InlineData("2024-Q1", PeriodKind.Quarter, "2024-01-01", "2024-03-31", "2024Q1")]
    [InlineData("2024-05", PeriodKind.Month, "2024-05-01", "2024-05-31", "2024-05")]
    [InlineData("2024-2", PeriodKind.Month, "2024-02-01", "2024-02-29", "2024-02")]
    [InlineData("2024H1", PeriodKind.Half, "2024-01-01", "2024-06-30", "2024H1")]
    [InlineData("2024H2", PeriodKind.Half, "2024-07-01", "2024-12-31", "2024H2")]
    [InlineData("2024", PeriodKind.Year, "2024-01-01", "2024-12-31", "2024")]
    public void Parses_and_formats(string text, PeriodKind kind, string start, string end, string formatted)
    {
        var p = ReportingPeriod.Parse(text);
        Assert.Equal(kind, p.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
        Assert.Equal(formatted, p.ToString());
        Assert.Equal(p, ReportingPeriod.Parse(p.ToString()));
    }

    [Theory]
    [InlineData("2024Q5")]
    [InlineData("2024Q0")]
    [InlineData("2024-13")]
    [InlineData("2024H3")]
    [InlineData("Q2 2024")]
    [InlineData("")]
    [InlineData("二季度")]
    public void Rejects(string text) => Assert.False(ReportingPeriod.TryParse(text, out _));

    [Fact]
    public void Steps_across_years()
    {
        Assert.Equal("2025Q1", ReportingPeriod.Parse("2024Q4").Next().ToString());
        Assert.Equal("2023-12", ReportingPeriod.Parse("2024-01").Previous().ToString());
        Assert.Equal("2023H2", ReportingPeriod.Parse("2024H1").Previous().ToString());
    }

    [Theory]
    [InlineData("2024-03-31", "2024Q1")]
    [InlineData("2024-04-01", "2024Q2")]
    [InlineData("2024-12-31", "2024Q4")]
    public void Quarter_boundaries(string date, string quarter) =>
        Assert.Equal(quarter, ReportingPeriod.Containing(PeriodKind.Quarter, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Chinese_names() =>
        Assert.Equal("2024年第二季度", ReportingPeriod.Parse("2024Q2").ToChinese());
}

public class CadenceTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("每季度末,各责任单位要向市政府报告重点工作进展情况。", PeriodKind.Quarter, null)]
    [InlineData("各单位每月25日前报送工作进展。", PeriodKind.Month, null)]
    [InlineData("请于次月5日前将上月进展情况报送市政府督查室。每月调度一次。", PeriodKind.Month, 5)]
    [InlineData("每季度结束后次月5日前上报进展情况。", PeriodKind.Quarter, 5)]
    [InlineData("各牵头单位每半年向区政府书面报告一次。", PeriodKind.Half, null)]
    [InlineData("按季度于季后十日内报送", PeriodKind.Quarter, 10)]
    [InlineData("请于每季度首月十日前报送上季度落实情况", PeriodKind.Quarter, 10)]
    public void Reads_the_reporting_duty(string text, PeriodKind kind, int? dueDay)
    {
        var c = CadenceReader.Read(text);
        Assert.NotNull(c);
        Assert.Equal(kind, c.Kind);
        Assert.Equal(dueDay, c.DueDayOfNextMonth);
    }

    [Theory]
    [InlineData("按月为孤儿及时足额发放基本生活补贴。")]
    [InlineData("每个制造业开发区每季度落地1个30亿元以上项目。")]
    [InlineData("")]
    public void Ignores_sentences_that_are_not_about_reporting(string text) => Assert.Null(CadenceReader.Read(text));

    [Fact]
    public void Quarter_end_due_dates()
    {
        var c = ReportingCadence.Default;
        Assert.Equal(D("2024-06-30"), c.DueDate(ReportingPeriod.Parse("2024Q2")));
        Assert.Equal(ReportingPeriod.Parse("2024Q1"), c.LatestDue(D("2024-01-01"), D("2024-06-29")));
        Assert.Equal(ReportingPeriod.Parse("2024Q2"), c.LatestDue(D("2024-01-01"), D("2024-06-30")));
        Assert.Null(c.LatestDue(D("2024-01-01"), D("2024-03-30")));
    }

    [Fact]
    public void Due_on_the_fifth_of_next_month()
    {
        var c = new ReportingCadence(PeriodKind.Month, 5, "test");
        Assert.Equal(D("2025-01-05"), c.DueDate(ReportingPeriod.Parse("2024-12")));
        Assert.Equal(ReportingPeriod.Parse("2024-04"), c.LatestDue(D("2024-01-01"), D("2024-06-04")));
        Assert.Equal(ReportingPeriod.Parse("2024-05"), c.LatestDue(D("2024-01-01"), D("2024-06-05")));
        Assert.Equal(["2024-01", "2024-02"], c.DuePeriods(D("2024-01-10"), D("2024-03-05")).Select(p => p.ToString()));
    }

    [Fact]
    public void Can_be_overridden()
    {
        var c = ReportingCadence.Default.Override(PeriodKind.Month, 5);
        Assert.Equal(PeriodKind.Month, c.Kind);
        Assert.Equal(5, c.DueDayOfNextMonth);
        Assert.Equal("override", c.Source);
    }

    [SkippableFact]
    public void Seed_002_reports_quarterly_at_quarter_end()
    {
        PolicyLedger.Tests.Support.SharedData.Require();
        var text = File.ReadAllText(PolicyLedger.Tests.Support.SharedData.Path("seeds", "002_1db4aff5efda3015.txt"));
        var c = CadenceReader.Read(text);
        Assert.NotNull(c);
        Assert.Equal(PeriodKind.Quarter, c.Kind);
        Assert.Null(c.DueDayOfNextMonth);
        Assert.Contains("每季度末", c.Source, StringComparison.Ordinal);
    }
}
