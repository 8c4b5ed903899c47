using PolicyLedger.Tracking.Claims;

namespace PolicyLedger.Tests.Tracking;

public class ClaimCheckTests
{
    private static Claim C(decimal? percent, string? narrative = null, bool done = false, int evidence = 1, params Figure[] figures) =>
        new(percent, done, narrative, figures, evidence);

    private static string[] Codes(Claim now, Claim? before = null) => ClaimChecker.Check(now, before).Select(w => w.Code).ToArray();

    [Fact]
    public void A_sound_report_has_no_warning() =>
        Assert.Empty(Codes(C(50, "完成招聘会12场", figures: new Figure("新增就业", 8000, 16000, "人")), C(25, "启动招聘工作", figures: new Figure("新增就业", 4000, 16000, "人"))));

    [Fact]
    public void Figure_lower_than_last_period() =>
        Assert.Equal([ClaimCodes.FigureDecreased], Codes(C(50, "b", figures: new Figure("新增就业", 7000, 16000, "人")), C(40, "a", figures: new Figure("新增就业", 8000, 16000, "人"))));

    [Fact]
    public void Percent_lower_than_last_period() =>
        Assert.Equal([ClaimCodes.PercentDecreased], Codes(C(30, "b"), C(40, "a")));

    [Fact]
    public void Narrative_copied_from_last_period() =>
        Assert.Equal([ClaimCodes.NarrativeCopied], Codes(C(60, "已完成项目选址，正在办理土地手续。"), C(40, "已完成项目选址,正在办理土地手续")));

    [Fact]
    public void Done_without_evidence() =>
        Assert.Equal([ClaimCodes.DoneWithoutEvidence], Codes(C(null, "完成", done: true, evidence: 0)));

    [Fact]
    public void Hundred_percent_counts_as_done() =>
        Assert.Contains(ClaimCodes.DoneWithoutEvidence, Codes(C(100, "完成", evidence: 0)));

    [Fact]
    public void Figure_far_above_target()
    {
        var w = ClaimChecker.Check(C(50, "x", figures: new Figure("新增就业", 120000, 16000, "人")), null);
        Assert.Equal(ClaimCodes.FigureFarAboveTarget, Assert.Single(w).Code);
        Assert.Contains("12万人", w[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_with_the_target_unmet() =>
        Assert.Equal([ClaimCodes.FigureFarBelowTarget], Codes(C(null, "x", done: true, figures: new Figure("新增就业", 12000, 16000, "人"))));

    [Fact]
    public void Figure_far_below_the_claimed_percent() =>
        Assert.Equal([ClaimCodes.FigureFarBelowTarget], Codes(C(90, "x", figures: new Figure("新增就业", 4000, 16000, "人"))));

    [Fact]
    public void Shows_wan() => Assert.Equal("1.2万人", ClaimChecker.Show(12000, "人"));
}
