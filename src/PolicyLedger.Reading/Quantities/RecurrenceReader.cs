using PolicyLedger.Reading.Text;

namespace PolicyLedger.Reading.Quantities;

/// <summary>
/// Recurring periods: 每季度 / 每季度末 (quarter), 每月 / 每月10日前 / 按月 (month), 每半年, 每年, 每周, 每天. A 每 that
/// makes a rate is not a time: 每人每月不低于60元, 单个企业每年不超过30万元.
/// </summary>
internal static class RecurrenceReader
{
    private static readonly string[] PeriodWords = ["季度", "半年", "星期", "周", "月", "年", "天", "日", "旬", "季"];
    private static readonly string[] EdgeWords = ["末", "初", "底"];
    internal static readonly string[] BeforeWords = ["之前", "以前", "前"];

    /// <summary>A recurrence read: where it ends and its kind (quarter, month, half-year, year, week, day, ten-days).</summary>
    public readonly record struct Recurrence(int End, string Kind);

    public static Recurrence? Read(string text, int i)
    {
        var n = text.Length;
        var k = i + 1;
        if (text[i] == '每')
        {
            // 每人每月: a rate, not a time
            if (i > 0 && text[i - 1] is '人' or '户' or '业' or '台' or '套' or '亩' or '米' or '家')
            {
                return null;
            }

            if (k < n && text[k] == '个')
            {
                k++;
            }
        }

        var word = QuantityWords.MatchLongestAt(text, k, PeriodWords);
        if (word is null)
        {
            return null;
        }

        if (text[i] == '按' && word is "天" or "日" or "旬" or "星期")
        {
            return null;
        }

        var kind = word switch
        {
            "季度" or "季" => "quarter",
            "半年" => "half-year",
            "周" or "星期" => "week",
            "月" => "month",
            "年" => "year",
            "旬" => "ten-days",
            _ => "day",
        };
        var end = k + word.Length;
        if (end < n && word is "季" && text[end] == '节')
        {
            return null;
        }

        if (word is "年" && end < n && text[end] is '度' or '级' or '化' or '龄' or '均')
        {
            return null;
        }

        // 每年不超过30万元: a rate
        if (QuantityWords.MatchLongestAt(text, end, QuantityWords.PrefixWords) is not null
            || (end < n && ChineseNumerals.IsArabicDigit(text[end]) && !IsDayAfter(text, end)))
        {
            return null;
        }

        if (QuantityWords.MatchLongestAt(text, end, EdgeWords) is { } edge)
        {
            end += edge.Length;
        }
        else if (word == "月" && end < n && ChineseNumerals.IsArabicDigit(text[end]))
        {
            // 每月10日前
            var j = end;
            while (j < n && ChineseNumerals.IsArabicDigit(text[j]))
            {
                j++;
            }

            if (j < n && text[j] is '日' or '号')
            {
                j++;
                if (QuantityWords.MatchLongestAt(text, j, BeforeWords) is { } b)
                {
                    j += b.Length;
                }

                end = j;
            }
        }
        else if (word is "周" or "星期" && end < n && ChineseNumerals.Digit(text[end]) is >= 1 and <= 6 || (word is "周" && end < n && text[end] == '日'))
        {
            end++;
        }

        return new Recurrence(end, kind);
    }

    private static bool IsDayAfter(string text, int at)
    {
        var j = at;
        while (j < text.Length && ChineseNumerals.IsArabicDigit(text[j]))
        {
            j++;
        }

        return j < text.Length && text[j] is '日' or '号';
    }
}
