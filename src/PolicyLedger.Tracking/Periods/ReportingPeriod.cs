using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Tracking.Periods;

/// <summary>How long one reporting period is.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Half,
    Year,
}

/// <summary>
/// One reporting period: 2024-05 (a month), 2024Q2 (a quarter), 2024H1 (a half year) or 2024 (a year).
/// <see cref="Index"/> is 1-based within the year (month 1–12, quarter 1–4, half 1–2, 1 for a year).
/// </summary>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    public ReportingPeriod(PeriodKind kind, int year, int index)
    {
        var max = PerYear(kind);
        if (year is < 1900 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must be between 1900 and 2999");
        }

        if (index < 1 || index > max)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"a {kind} index must be between 1 and {max}");
        }

        Kind = kind;
        Year = year;
        Index = index;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    public int Index { get; }

    private int Months => 12 / PerYear(Kind);

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => new(Year, ((Index - 1) * Months) + 1, 1);

    /// <summary>The last day of the period (a quarter ends on 03-31, 06-30, 09-30 or 12-31).</summary>
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public ReportingPeriod Next() => Index == PerYear(Kind) ? new(Kind, Year + 1, 1) : new(Kind, Year, Index + 1);

    public ReportingPeriod Previous() => Index == 1 ? new(Kind, Year - 1, PerYear(Kind)) : new(Kind, Year, Index - 1);

    /// <summary>The period of the given kind that holds <paramref name="date"/>.</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly date) =>
        new(kind, date.Year, ((date.Month - 1) / (12 / PerYear(kind))) + 1);

    public static int PerYear(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 12,
        PeriodKind.Quarter => 4,
        PeriodKind.Half => 2,
        PeriodKind.Year => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>2024-05, 2024Q2, 2024H1 or 2024.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Index}"),
        PeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}H{Index}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>As a Chinese reader writes it: 2024年5月, 2024年第二季度, 2024年上半年, 2024年.</summary>
    public string ToChinese() => Kind switch
    {
        PeriodKind.Month => $"{Year}年{Index}月",
        PeriodKind.Quarter => $"{Year}年第{ChineseNumerals.Format(Index)}季度",
        PeriodKind.Half => $"{Year}年{(Index == 1 ? "上" : "下")}半年",
        _ => $"{Year}年",
    };

    public int CompareTo(ReportingPeriod other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>Reads 2024Q2, 2024q2, 2024-Q2, 2024-05, 2024-5, 2024M05, 2024H1, 2024 (surrounding whitespace ignored).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var m = Pattern().Match(trimmed);
        if (!m.Success)
        {
            return TryParseChinese(trimmed, out period);
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var (kind, index) =
            m.Groups["q"].Success ? (PeriodKind.Quarter, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture)) :
            m.Groups["h"].Success ? (PeriodKind.Half, int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture)) :
            m.Groups["m"].Success ? (PeriodKind.Month, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)) :
            (PeriodKind.Year, 1);
        if (index < 1 || index > PerYear(kind))
        {
            return false;
        }

        period = new ReportingPeriod(kind, year, index);
        return true;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"“{text}”不是期间：{Formats}");

    /// <summary>How a period may be written, for messages.</summary>
    public const string Formats = "请写作 2024Q2（季度）、2024-05（月）、2024H1（半年）或 2024（年），也可写 2024年第二季度、2024年5月、2024年上半年";

    /// <summary>2024年第二季度, 2024年二季度, 2024年5月, 2024年上半年, 2024年下半年, 2024年 / 2024年度.</summary>
    private static bool TryParseChinese(string text, out ReportingPeriod period)
    {
        period = default;
        var m = ChinesePattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2999)
        {
            return false;
        }

        if (m.Groups["q"].Success)
        {
            var q = ChineseNumerals.ParseInteger(m.Groups["q"].Value) ?? 0; // 二 or 2
            if (q is < 1 or > 4)
            {
                return false;
            }

            period = new ReportingPeriod(PeriodKind.Quarter, year, q);
        }
        else if (m.Groups["h"].Success)
        {
            period = new ReportingPeriod(PeriodKind.Half, year, m.Groups["h"].Value == "上" ? 1 : 2);
        }
        else if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = new ReportingPeriod(PeriodKind.Month, year, month);
        }
        else
        {
            period = new ReportingPeriod(PeriodKind.Year, year, 1);
        }

        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})年(?:第?(?<q>[一二三四1-4])季度|(?<h>[上下])半年|(?<m>\d{1,2})月(?:份)?|度)?$", RegexOptions.None, 1000)]
    private static partial Regex ChinesePattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?[Qq](?<q>\d)|-?[Hh](?<h>\d)|(?:-|[Mm])(?<m>\d{1,2}))?$", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Pattern();
}
