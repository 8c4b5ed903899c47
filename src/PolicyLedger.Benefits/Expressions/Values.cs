using System.Globalization;
using PolicyLedger.Benefits.Places;

namespace PolicyLedger.Benefits.Expressions;

/// <summary>A span of days, both ends included: a tax period (2023Q1), a month, a year, or a window.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Contains(DateRange other) => other.Start >= Start && other.End <= End;

    public override string ToString() => Start == End
        ? Values.Format(Start)
        : $"{Values.Format(Start)}至{Values.Format(End)}";
}

/// <summary>
/// The values expressions compute with: <see cref="decimal"/> (all numbers; money in 元), <see cref="string"/>,
/// <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="DateRange"/>, <see cref="PlaceValue"/>, lists and maps
/// (as read from scenario files), and null for a fact that is absent.
/// </summary>
public static class Values
{
    /// <summary>Removes trailing zeros: 7900.00 → 7900, 0.050 → 0.05.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Rounds money to the fen (0.01 元), halves away from zero (四舍五入).</summary>
    public static decimal RoundMoney(decimal value) => Normalize(Math.Round(value, 2, MidpointRounding.AwayFromZero));

    public static string Format(object? value) => value switch
    {
        null => "（无）",
        decimal d => Normalize(d).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateRange range => range.ToString(),
        PlaceValue place => place.ToString(),
        string s => s,
        IReadOnlyDictionary<string, object?> map => "{" + string.Join("，", map.Select(kv => $"{kv.Key}: {Format(kv.Value)}")) + "}",
        IEnumerable<object?> list => string.Join("、", list.Select(Format)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Money as people read it: 7900, 1640.5.</summary>
    public static string Money(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate as a percentage: 0.05 → 5%.</summary>
    public static string Percent(decimal rate) => Normalize(rate * 100m).ToString(CultureInfo.InvariantCulture) + "%";

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0,
        string s => s.Length > 0,
        IReadOnlyDictionary<string, object?> map => map.Count > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        _ => true,
    };

    public static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateRange r => r.Start,
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    /// <summary>
    /// A period: a date (that day), 2023 (the year), 2023-05 (the month), 2023Q1, 2023H1, a range, or a map with
    /// from/to. Null when the value is none of these.
    /// </summary>
    public static DateRange? AsPeriod(object? value)
    {
        switch (value)
        {
            case DateRange r:
                return r;
            case DateOnly d:
                return new DateRange(d, d);
            case decimal n when n == decimal.Truncate(n) && n is >= 1900 and <= 2200:
                return Year((int)n);
            case IReadOnlyDictionary<string, object?> map:
                {
                    var from = AsDate(map.GetValueOrDefault("from") ?? map.GetValueOrDefault("start"));
                    var to = AsDate(map.GetValueOrDefault("to") ?? map.GetValueOrDefault("end"));
                    return from is { } f && to is { } t && f <= t ? new DateRange(f, t) : null;
                }

            case string s:
                return ParsePeriod(s.Trim());
            default:
                return null;
        }
    }

    private static DateRange Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private static DateRange? ParsePeriod(string s)
    {
        if (AsDate(s) is { } day)
        {
            return new DateRange(day, day);
        }

        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return Year(y);
        }

        if (s.Length >= 6 && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            var rest = s[4..].TrimStart('-', ' ');
            if (rest.Length == 2 && rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4')
            {
                var q = rest[1] - '0';
                var start = new DateOnly(year, (q - 1) * 3 + 1, 1);
                return new DateRange(start, start.AddMonths(3).AddDays(-1));
            }

            if (rest.Length == 2 && rest[0] is 'H' or 'h' && rest[1] is '1' or '2')
            {
                var start = new DateOnly(year, rest[1] == '1' ? 1 : 7, 1);
                return new DateRange(start, start.AddMonths(6).AddDays(-1));
            }

            if (s.Length == 7 && s[4] == '-' && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                var start = new DateOnly(year, month, 1);
                return new DateRange(start, start.AddMonths(1).AddDays(-1));
            }
        }

        // 2022-06..2023-03 / 2022-06-01..2023-03-31
        var dots = s.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0 && ParsePeriod(s[..dots]) is { } first && ParsePeriod(s[(dots + 2)..]) is { } last && first.Start <= last.End)
        {
            return new DateRange(first.Start, last.End);
        }

        return null;
    }

    /// <summary>Texts of a value: a string, or the strings (and numbers) of a list, or a map's values; for term and place matching.</summary>
    public static IEnumerable<string> Texts(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                yield return s;
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var v in map.Values.SelectMany(Texts))
                {
                    yield return v;
                }

                break;
            case IEnumerable<object?> list:
                foreach (var v in list.SelectMany(Texts))
                {
                    yield return v;
                }

                break;
            default:
                yield return Format(value);
                break;
        }
    }
}
