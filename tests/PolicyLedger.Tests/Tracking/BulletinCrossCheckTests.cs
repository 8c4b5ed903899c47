using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// Bulletins checked against status: a ledger of three jurisdictions, four documents (quarterly, monthly with a due
/// day, half-yearly, quarterly due on the 10th), items with and without deadlines and late starts, and seeded random
/// reports (on time, late, missing, done). For every scope × period (year, halves, quarters, months of 2024) × date,
/// each count of the bulletin is compared with `status` for that scope and date, each claim (无逾期, 均按时报送,
/// nothing to track) with the figures behind it, and every duty to report is recomputed from the stored reports.
/// </summary>
public class BulletinCrossCheckTests
{
    internal static async Task<TrackingLedger> SeededAsync(string? postgres = null)
    {
        var l = await TrackingLedger.CreateAsync(postgres);
        var d = (int m, int day) => new DateOnly(2024, m, day);
        await l.AddDocumentAsync("/nowhere/jia-q.txt", "甲市2024年重点工作", d(1, 20),
            Enumerable.Range(1, 8).Select(n => (n.ToString(), $"甲市任务{n}", n % 3 == 0 ? new[] { "财政局", "人社局" } : n % 2 == 0 ? ["财政局"] : new[] { "发展改革委" }, ((decimal Value, string Unit, string Text)?)null)),
            jurisdiction: "甲市", docNumber: "甲政〔2024〕1号",
            times: new Dictionary<string, (DateOnly?, DateOnly?)> { ["2"] = (null, d(6, 30)), ["5"] = (d(7, 1), d(10, 31)), ["7"] = (null, d(3, 31)) });
        await l.AddDocumentAsync("/nowhere/jia-m.txt", "甲市2024年民生实事", d(2, 1),
            Enumerable.Range(1, 5).Select(n => (n.ToString(), $"甲市实事{n}", n % 2 == 0 ? new[] { "住建局" } : ["财政局"], ((decimal Value, string Unit, string Text)?)null)),
            jurisdiction: "甲市", docNumber: "甲政办〔2024〕2号", cadenceText: "各责任单位于次月5日前报送上月工作进展。",
            times: new Dictionary<string, (DateOnly?, DateOnly?)> { ["3"] = (d(4, 1), d(9, 30)) });
        await l.AddDocumentAsync("/nowhere/yi.txt", "乙县2024年重点项目", d(1, 10),
            Enumerable.Range(1, 6).Select(n => (n.ToString(), $"乙县项目{n}", n % 2 == 0 ? new[] { "财政局" } : ["发展改革委"], ((decimal Value, string Unit, string Text)?)null)),
            jurisdiction: "乙县", docNumber: "乙政〔2024〕3号", cadenceText: "每半年向县政府报告一次进展情况。",
            times: new Dictionary<string, (DateOnly?, DateOnly?)> { ["1"] = (null, d(6, 30)), ["4"] = (d(9, 1), d(12, 31)) });
        await l.AddDocumentAsync("/nowhere/bing.txt", "丙区稳经济若干措施", d(3, 5),
            Enumerable.Range(1, 6).Select(n => (n.ToString(), $"丙区措施{n}", n % 2 == 0 ? new[] { "财政局" } : ["工信局"], ((decimal Value, string Unit, string Text)?)null)),
            jurisdiction: "丙区", docNumber: "丙政〔2024〕4号", cadenceText: "每季度结束后次月10日前报送工作进展。",
            times: new Dictionary<string, (DateOnly?, DateOnly?)> { ["1"] = (null, d(5, 31)), ["2"] = (null, d(12, 31)), ["6"] = (d(8, 1), d(11, 30)) });

        l.At("2026-11-29");
        var random = new Random(20241129);
        foreach (var item in await l.ItemsAsync())
        {
            var percent = 0m;
            foreach (var q in item.Cadence.DuePeriods(item.Schedule.Start, new DateOnly(2025, 3, 31)).Where(q => q.Year == 2024))
            {
                var roll = random.Next(100);
                if (roll < 20)
                {
                    continue; // missing
                }

                var due = item.Cadence.DueDate(q);
                var on = roll < 70 ? due.AddDays(-random.Next(0, 6)) : due.AddDays(random.Next(1, 25));
                on = on < q.Start ? q.Start : on;
                percent = Math.Min(100, percent + random.Next(5, 40));
                var done = percent >= 100 || random.Next(100) < 5;
                var result = await l.ReportAsync(new ReportInput(item.Key, q, done ? 100 : percent, done, null, "推进", [], null, SubmittedOn: on));
                Assert.True(result.Outcome == ReportOutcome.Added, result.Problem?.ToString());
                if (done)
                {
                    break;
                }
            }
        }

        return l;
    }

    private static IEnumerable<ReportingPeriod> Periods()
    {
        yield return new ReportingPeriod(PeriodKind.Year, 2024, 1);
        for (var i = 1; i <= 2; i++)
        {
            yield return new ReportingPeriod(PeriodKind.Half, 2024, i);
        }

        for (var i = 1; i <= 4; i++)
        {
            yield return new ReportingPeriod(PeriodKind.Quarter, 2024, i);
        }

        for (var i = 1; i <= 12; i++)
        {
            yield return new ReportingPeriod(PeriodKind.Month, 2024, i);
        }
    }

    private static readonly TrackingScope[] Scopes =
    [
        new("甲市"), new("乙县"), new("丙区"),
        new(Document: "甲政〔2024〕1号"), new(Document: "甲政办〔2024〕2号"), new(Document: "乙政〔2024〕3号"), new(Document: "丙政〔2024〕4号"),
    ];

    [Fact]
    public async Task Every_figure_and_claim_of_every_bulletin_agrees_with_status()
    {
        await using var l = await SeededAsync();
        var checkedBulletins = await CrossCheckAsync(l);
        Assert.Equal(Scopes.Length * 19 * 4, checkedBulletins);
    }

    /// <returns>How many bulletins were checked.</returns>
    internal static async Task<int> CrossCheckAsync(TrackingLedger l)
    {
        var stored = l.Db.ProgressReports.ToList();
        var bulletins = l.Get<BulletinService>();
        var statuses = l.Get<StatusService>();
        var n = 0;
        var claims = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scope in Scopes)
        {
            foreach (var period in Periods())
            {
                foreach (var asked in new DateOnly?[] { null, period.End, period.End.AddDays(15), new DateOnly(2025, 1, 10) })
                {
                    var result = await bulletins.BulletinAsync(l.Admin, new BulletinRequest(period, scope, asked, new DateOnly(2025, 2, 1), "督查室", ["各责任单位"]));
                    Assert.True(result.Ok, result.Problem?.ToString());
                    var b = result.Value;
                    var where = $"{scope.Jurisdiction}{scope.Document} {period} as of {b.AsOf:yyyy-MM-dd}";
                    var status = await statuses.StatusAsync(l.Admin, new StatusQuery(scope, b.AsOf));
                    var rows = status.Value!.Rows.Where(r => r.Item.Schedule.Start <= period.End || r.Status.State == TrackingState.Overdue).ToList();

                    Assert.True(rows.Count == b.Total, $"{where}: total {b.Total}, status {rows.Count}");
                    foreach (var state in TrackingStates.All)
                    {
                        Assert.True(rows.Count(r => r.Status.State == state) == b.Counts.Single(c => c.State == state).Count, $"{where}: {state}");
                    }

                    Assert.Equal(rows.Where(r => r.Status.State == TrackingState.Overdue).Select(r => r.Item.Key).Order(), b.Overdue.Select(i => i.ItemKey).Order());
                    Assert.Equal(rows.SelectMany(r => r.Item.Units).Select(u => u.Key).Distinct().Order(), b.Units.Select(u => u.Unit.Key).Order());
                    foreach (var line in b.Units)
                    {
                        Assert.Equal(rows.Count(r => r.Item.Units.Any(u => u.Key == line.Unit.Key)), line.Items);
                    }

                    // Duties to report, recomputed from the stored reports; a missed one is what status said at its due date.
                    var (due, onTime) = (0, 0);
                    foreach (var row in rows)
                    {
                        var units = row.Item.Units.Select(u => u.Id).ToHashSet();
                        var mine = stored.Where(r => r.SourceId == row.Item.SourceId && r.DocumentPosition == row.Item.DocumentPosition && r.ItemKey == row.Item.ItemKey && units.Contains(r.UnitId))
                            .Select(r => (Period: ReportingPeriod.Parse(r.Period), r.SubmittedOn, Done: r.Done || r.Percent >= 100)).ToList();
                        foreach (var q in BulletinService.PeriodsEndingIn(row.Item.Cadence, period))
                        {
                            var dueDate = row.Item.Cadence.DueDate(q);
                            if (q.End < row.Item.Schedule.Start || dueDate > b.AsOf || mine.Any(r => r.Done && r.SubmittedOn <= dueDate && r.Period.Start <= dueDate))
                            {
                                continue;
                            }

                            due++;
                            var met = mine.Any(r => (r.Period.Kind == q.Kind ? r.Period >= q : r.Period.End >= q.End) && r.SubmittedOn <= dueDate && r.Period.Start <= dueDate);
                            if (met)
                            {
                                onTime++;
                            }
                            else
                            {
                                var then = (await statuses.StatusAsync(l.Admin, new StatusQuery(new TrackingScope(Document: row.Item.DocumentKey), dueDate))).Value!.Rows.Single(r => r.Item.Key == row.Item.Key);
                                Assert.True(then.Status.State is TrackingState.NotReported or TrackingState.Overdue, $"{where}: {row.Item.Key} missed {q} but status at {dueDate} says {then.Status.State}");
                            }
                        }
                    }

                    Assert.True((due, onTime) == (b.DueReports, b.OnTimeReports), $"{where}: duties {b.DueReports}/{b.OnTimeReports}, recomputed {due}/{onTime}");

                    var md = MarkdownBulletinWriter.Write(b);
                    var nothing = md.Contains("没有需要跟踪的重点工作", StringComparison.Ordinal);
                    var noOverdue = md.Contains("没有逾期未完成的事项", StringComparison.Ordinal);
                    var allOnTime = md.Contains("各责任单位均按时报送", StringComparison.Ordinal);
                    var noneDue = md.Contains("没有到期应报送的进展情况", StringComparison.Ordinal);
                    Assert.True(nothing == (rows.Count == 0), $"{where}: nothing to track");
                    Assert.True(noOverdue == (rows.Count > 0 && rows.All(r => r.Status.State != TrackingState.Overdue)), $"{where}: 无逾期");
                    Assert.True(allOnTime == (rows.Count > 0 && due > 0 && due == onTime), $"{where}: 均按时报送");
                    Assert.True(noneDue == (rows.Count > 0 && due == 0), $"{where}: no reports due");
                    Assert.DoesNotContain("其中。", md, StringComparison.Ordinal);
                    foreach (var (claim, made) in new[] { ("nothing", nothing), ("no overdue", noOverdue), ("all on time", allOnTime), ("none due", noneDue) })
                    {
                        claims[claim] = claims.GetValueOrDefault(claim) + (made ? 1 : 0);
                    }

                    n++;
                }
            }
        }

        // The data exercise every claim both ways.
        Assert.All(claims, c => Assert.InRange(c.Value, 1, n - 1));
        return n;
    }
}
