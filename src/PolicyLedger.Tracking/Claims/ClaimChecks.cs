using System.Globalization;

namespace PolicyLedger.Tracking.Claims;

/// <summary>A figure a report states: 1.2万人 achieved of the target 1.6万人.</summary>
/// <param name="Key">What is counted, the same from period to period ("新增就业", or the target's text).</param>
/// <param name="Value">The achieved value, in the target's unit (万 multiplied out).</param>
/// <param name="Target">The item's target for it, where it has one.</param>
/// <param name="Unit">人, 元, 家 …</param>
public sealed record Figure(string Key, decimal Value, decimal? Target, string? Unit);

/// <summary>What a report claims, as far as the checks need it.</summary>
public sealed record Claim(decimal? Percent, bool Done, string? Narrative, IReadOnlyList<Figure> Figures, int EvidenceCount)
{
    public bool IsDone => Done || Percent >= 100m;
}

/// <summary>A doubt about a claim, with a stable code.</summary>
public sealed record ClaimWarning(string Code, string Message);

/// <summary>The stable codes of <see cref="ClaimWarning"/>.</summary>
public static class ClaimCodes
{
    /// <summary>A figure lower than the same figure last period (figures are cumulative within a task).</summary>
    public const string FigureDecreased = "PL-T01";

    /// <summary>The narrative is (almost) the one reported last period.</summary>
    public const string NarrativeCopied = "PL-T02";

    /// <summary>Done (or 100 %) with no evidence file.</summary>
    public const string DoneWithoutEvidence = "PL-T03";

    /// <summary>A figure far above its target (more than twice): a slip of 万 or of the unit is likely.</summary>
    public const string FigureFarAboveTarget = "PL-T04";

    /// <summary>A figure far below its target for what is claimed: done with the target unmet, or the figure's share of the target far under the claimed percent.</summary>
    public const string FigureFarBelowTarget = "PL-T05";

    /// <summary>Completion lower than last period's.</summary>
    public const string PercentDecreased = "PL-T06";
}

/// <summary>Checks a report's claims against the last period's report and the item's targets. Never throws on odd input.</summary>
public static class ClaimChecker
{
    /// <summary>Share of the target above which a figure is "far above" (2 = more than twice the target).</summary>
    public const decimal FarAboveFactor = 2m;

    /// <summary>Percentage points by which a figure's share of its target may trail the claimed completion.</summary>
    public const decimal BelowSlack = 30m;

    /// <summary>Character-bigram similarity at or above which a narrative counts as copied.</summary>
    public const double CopiedSimilarity = 0.9;

    public static IReadOnlyList<ClaimWarning> Check(Claim current, Claim? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        var warnings = new List<ClaimWarning>();
        if (previous is not null)
        {
            if (current.Percent is { } now && previous.Percent is { } before && now < before)
            {
                warnings.Add(new(ClaimCodes.PercentDecreased, F($"完成进度{now}%低于上期的{before}%")));
            }

            foreach (var figure in current.Figures)
            {
                var old = previous.Figures.FirstOrDefault(f => f.Key == figure.Key);
                if (old is not null && figure.Value < old.Value)
                {
                    warnings.Add(new(ClaimCodes.FigureDecreased, F($"{figure.Key}：{Show(figure.Value, figure.Unit)}低于上期的{Show(old.Value, old.Unit)}")));
                }
            }

            if (!string.IsNullOrWhiteSpace(current.Narrative) && !string.IsNullOrWhiteSpace(previous.Narrative)
                && Similarity(current.Narrative, previous.Narrative) >= CopiedSimilarity)
            {
                warnings.Add(new(ClaimCodes.NarrativeCopied, "进展情况与上期基本相同"));
            }
        }

        if (current.IsDone && current.EvidenceCount == 0)
        {
            warnings.Add(new(ClaimCodes.DoneWithoutEvidence, "报告已完成，但未附佐证材料"));
        }

        foreach (var figure in current.Figures)
        {
            if (figure.Target is not { } target || target <= 0)
            {
                continue;
            }

            var share = figure.Value / target * 100m;
            if (figure.Value > target * FarAboveFactor)
            {
                warnings.Add(new(ClaimCodes.FigureFarAboveTarget, F($"{figure.Key}：{Show(figure.Value, figure.Unit)}是目标{Show(target, figure.Unit)}的{share:0}%（是否多写了“万”？）")));
            }
            else if ((current.IsDone && figure.Value < target)
                || (current.Percent is { } p && share < p - BelowSlack))
            {
                var claimed = current.IsDone ? "已完成" : F($"完成{current.Percent}%");
                warnings.Add(new(ClaimCodes.FigureFarBelowTarget, F($"{figure.Key}：{Show(figure.Value, figure.Unit)}仅为目标{Show(target, figure.Unit)}的{share:0}%，却报告{claimed}")));
            }
        }

        return warnings;
    }

    /// <summary>Dice coefficient of character bigrams, whitespace and punctuation ignored: 1 for the same text.</summary>
    public static double Similarity(string a, string b)
    {
        static List<string> Grams(string s)
        {
            var t = new string(s.Where(char.IsLetterOrDigit).ToArray());
            var grams = new List<string>();
            for (var i = 0; i + 1 < t.Length; i++)
            {
                grams.Add(t.Substring(i, 2));
            }

            return grams;
        }

        var x = Grams(a);
        var y = Grams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal) ? 1 : 0;
        }

        var counts = x.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = 0;
        foreach (var g in y)
        {
            if (counts.TryGetValue(g, out var n) && n > 0)
            {
                counts[g] = n - 1;
                common++;
            }
        }

        return 2.0 * common / (x.Count + y.Count);
    }

    /// <summary>16000人 → 1.6万人; 500 → 500.</summary>
    public static string Show(decimal value, string? unit)
    {
        var text = Math.Abs(value) >= 10000m && value % 100m == 0
            ? (value / 10000m).ToString("0.####", CultureInfo.InvariantCulture) + "万"
            : value.ToString("0.####", CultureInfo.InvariantCulture);
        return text + unit;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
