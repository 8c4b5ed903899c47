using PolicyLedger.Reading.Text;
namespace PolicyLedger.Reading.Quantities;

/// <summary>A number read from text: where it stands, its value, and how it was written.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Characters read.</param>
/// <param name="Value">The value with 万/亿 multiplied out.</param>
/// <param name="HanOnly">Written in Chinese numerals only (no Arabic digit).</param>
/// <param name="DigitCount">Digits written (Arabic digits or Chinese digit characters); a year has 4.</param>
/// <param name="Approximate">余/多/几 inside the number (十余万, 500多亿).</param>
/// <param name="HasMultiplier">万, 亿 or 兆 was read (the unit after it may be 元: 30亿元).</param>
public readonly record struct NumberToken(int Start, int Length, decimal Value, bool HanOnly, int DigitCount, bool Approximate, bool HasMultiplier)
{
    public int End => Start + Length;
}

/// <summary>
/// Reads Arabic, Chinese and mixed numerals: 3.5万, 一百二十, 两万, 三千五百万, 十余万, 壹佰伍拾, 4.78万亿, 5万4千6百,
/// 二点五, 负三十二, 五分之一, 1,050,000. One forward pass, no regular expressions, never throws. The characters' values
/// come from <see cref="ChineseNumerals"/>; this class puts them together, one named step per kind of character.
/// </summary>
public static class ChineseNumber
{
    /// <summary>
    /// Reads the number that starts at <paramref name="start"/>, or returns false. Reads no sign, no fraction
    /// and no 点 decimal unless <paramref name="full"/> (used by the general number scanner).
    /// </summary>
    public static bool TryRead(string text, int start, out NumberToken token, bool full = true)
    {
        token = default;
        try
        {
            return TryReadCore(text, start, full, out token);
        }
        catch (OverflowException)
        {
            return false; // a figure beyond decimal's range is not read
        }
    }

    /// <summary>Parses a whole string as one number (一百二十 → 120), or null.</summary>
    public static decimal? Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || !TryRead(text, 0, out var t) || t.Length != text.Length)
        {
            return null;
        }

        return t.Value;
    }

    /// <summary>What one step did with the character it looked at.</summary>
    private enum Step
    {
        /// <summary>The character belongs to the number; go on.</summary>
        Next,

        /// <summary>The number ended before the character.</summary>
        Stop,

        /// <summary>What was read is not a number at all (二三十, 二〇二三万).</summary>
        Fail,
    }

    /// <summary>
    /// The number read so far, as the steps build it. Per-call scratch state, private to this class and never stored.
    /// </summary>
    private struct Accumulator
    {
        /// <summary>The sum of the parts at or above 万.</summary>
        public decimal Result;

        /// <summary>The part below 万 (三千五百 of 三千五百万).</summary>
        public decimal Section;

        /// <summary>The digits not yet multiplied by a unit.</summary>
        public decimal Number;

        public bool HasNumber;

        /// <summary>The pending number is one Chinese digit (so 一百五 can mean 150).</summary>
        public bool PendingIsSingleHan;

        /// <summary>The last 万/亿/兆 read, or 0.</summary>
        public decimal LastBig;

        /// <summary>The last unit of any size read (十 … 兆), or 0.</summary>
        public decimal LastUnit;

        /// <summary>A 零 was read since the last unit (一百零五).</summary>
        public bool Zero;

        public bool HanOnly;

        public int Digits;

        public bool Approximate;

        public bool HasMultiplier;

        /// <summary>Anything of a number was read.</summary>
        public bool Any;

        /// <summary>Chinese digits were read one by one (二〇二三), which admits no unit after them.</summary>
        public bool ByDigit;

        /// <summary>Where the number read so far ends.</summary>
        public int End;

        public readonly decimal Value => Result + Section + Number;
    }

    private static bool TryReadCore(string text, int start, bool full, out NumberToken token)
    {
        token = default;
        var acc = new Accumulator { HanOnly = true, End = start };
        var i = start;
        while (i < text.Length)
        {
            var step = ReadCharacter(text, ref i, ref acc);
            if (step == Step.Stop)
            {
                break;
            }

            if (step == Step.Fail)
            {
                return false;
            }
        }

        if (!acc.Any || acc.End == start)
        {
            return false;
        }

        ApplyAbbreviatedLastDigit(ref acc);
        var value = acc.Value;
        var end = acc.End;
        var digits = acc.Digits;
        if (full && ReadPointDecimals(text, end, value) is { } decimals)
        {
            value = decimals.Value;
            end = decimals.End;
            digits++;
        }

        token = new NumberToken(start, end - start, value, acc.HanOnly, digits, acc.Approximate, acc.HasMultiplier);
        return true;
    }

    /// <summary>Reads the character at <paramref name="i"/> into the number, by what kind of numeral it is.</summary>
    private static Step ReadCharacter(string text, ref int i, ref Accumulator acc)
    {
        var c = text[i];
        if (StartsArabic(text, i, in acc))
        {
            return ReadArabic(text, ref i, ref acc);
        }

        var digit = ChineseNumerals.Digit(c);
        if (digit == 0)
        {
            return ReadZero(ref i, ref acc);
        }

        if (digit > 0)
        {
            return ReadDigit(digit, ref i, ref acc);
        }

        var unit = ChineseNumerals.SmallUnit(c);
        if (unit > 0)
        {
            return ReadSmallUnit(unit, ref i, ref acc);
        }

        if (IsApproximateBeforeMultiplier(text, i, in acc))
        {
            acc.Approximate = true; // 十余万, 500多亿
            i++;
            return Step.Next;
        }

        var big = ChineseNumerals.BigUnit(c);
        return big > 0 ? ReadMultiplier(big, ref i, ref acc) : Step.Stop;
    }

    /// <summary>The character at <paramref name="i"/> was read into the number: the number now ends after it.</summary>
    private static Step Advance(ref int i, ref Accumulator acc)
    {
        i++;
        acc.End = i;
        return Step.Next;
    }

    /// <summary>An Arabic digit, or a decimal point before one that opens the number (.5).</summary>
    private static bool StartsArabic(string text, int i, in Accumulator acc) =>
        ChineseNumerals.IsArabicDigit(text[i])
        || (text[i] is '.' or '．' && i + 1 < text.Length && ChineseNumerals.IsArabicDigit(text[i + 1]) && !acc.HasNumber && !acc.Any);

    /// <summary>A run of Arabic digits with group commas and decimals: 1,050,000, 3.5, ４.７８.</summary>
    private static Step ReadArabic(string text, ref int i, ref Accumulator acc)
    {
        if (acc.HasNumber)
        {
            return Step.Stop; // 一2
        }

        var j = ReadGroupedDigits(text, i, out var value, out var count);
        j = ReadDecimalFraction(text, j, ref value, ref count);
        acc.Number = value;
        acc.HasNumber = true;
        acc.PendingIsSingleHan = false;
        acc.HanOnly = false;
        acc.Digits += count;
        acc.Any = true;
        i = j;
        acc.End = j;
        return Step.Next;
    }

    /// <summary>Digits with thousands separators (1,050,000; full-width ，between full-width digits); returns where they end.</summary>
    private static int ReadGroupedDigits(string text, int i, out decimal value, out int count)
    {
        var n = text.Length;
        var j = i;
        value = 0;
        count = 0;
        while (j < n)
        {
            if (ChineseNumerals.IsArabicDigit(text[j]))
            {
                value = (value * 10) + ChineseNumerals.ArabicValue(text[j]);
                count++;
                j++;
            }
            else if (count > 0 && (text[j] == ',' || (text[j] == '，' && text[j - 1] is >= '０' and <= '９')) && IsGroup(text, j + 1))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    /// <summary>A decimal point and the digits after it; returns where they end (<paramref name="j"/> when there are none).</summary>
    private static int ReadDecimalFraction(string text, int j, ref decimal value, ref int count)
    {
        var n = text.Length;
        if (!(j < n - 1 && text[j] is '.' or '．' && ChineseNumerals.IsArabicDigit(text[j + 1])))
        {
            return j;
        }

        j++;
        var scale = 0.1m;
        while (j < n && ChineseNumerals.IsArabicDigit(text[j]))
        {
            if (scale > 0.0000000000000000000001m)
            {
                value += ChineseNumerals.ArabicValue(text[j]) * scale;
                scale /= 10;
            }

            count++;
            j++;
        }

        return j;
    }

    /// <summary>零/〇: a gap (一百零五), a digit of a year written one by one (二〇二三), or a leading zero.</summary>
    private static Step ReadZero(ref int i, ref Accumulator acc)
    {
        if (acc.HasNumber && acc.Number != 0 && !acc.PendingIsSingleHan)
        {
            return Step.Stop;
        }

        if (acc.HasNumber)
        {
            acc.ByDigit = true; // 二〇二三: digit by digit
            acc.Number *= 10;
        }
        else
        {
            acc.Zero = true;
            acc.Any = true;
        }

        acc.Digits++;
        return Advance(ref i, ref acc);
    }

    /// <summary>一 to 九: a new pending digit, or the next digit of a number written one by one (二零二三, 五五折).</summary>
    private static Step ReadDigit(int digit, ref int i, ref Accumulator acc)
    {
        if (acc.HasNumber)
        {
            if (!acc.PendingIsSingleHan || acc.LastUnit != 0 || !acc.HanOnly)
            {
                return Step.Stop;
            }

            acc.ByDigit = true;
            acc.Number = (acc.Number * 10) + digit;
        }
        else
        {
            acc.Number = digit;
            acc.HasNumber = true;
            acc.PendingIsSingleHan = true;
            acc.Any = true;
        }

        acc.Digits++;
        return Advance(ref i, ref acc);
    }

    /// <summary>十, 百, 千: multiplies the pending digit (十五 and 百三 have an implied 一).</summary>
    private static Step ReadSmallUnit(int unit, ref int i, ref Accumulator acc)
    {
        if (acc.ByDigit)
        {
            return Step.Fail; // 二三十: not a number
        }

        if (!acc.HasNumber && acc.LastUnit != 0 && !acc.Zero)
        {
            return Step.Stop; // 五十千, 七十百
        }

        if (!acc.HasNumber)
        {
            acc.Number = 1; // 十五, 百三
        }

        if (acc.LastUnit != 0 && acc.LastUnit < 10000 && unit >= acc.LastUnit && !acc.HasNumber && acc.Section != 0)
        {
            return Step.Stop; // 五十千
        }

        acc.Section += acc.Number * unit;
        acc.Number = 0;
        acc.HasNumber = false;
        acc.PendingIsSingleHan = false;
        acc.LastUnit = unit;
        acc.Zero = false;
        acc.Any = true;
        return Advance(ref i, ref acc);
    }

    /// <summary>余/多/几 between a number and its 万/亿: 十余万, 500多亿.</summary>
    private static bool IsApproximateBeforeMultiplier(string text, int i, in Accumulator acc) =>
        text[i] is '余' or '多' or '几' or '幾' && acc.Any && i + 1 < text.Length && ChineseNumerals.BigUnit(text[i + 1]) > 0;

    /// <summary>万, 亿, 兆: multiplies everything below it (三千五百万), or what was read before (万亿).</summary>
    private static Step ReadMultiplier(decimal big, ref int i, ref Accumulator acc)
    {
        if (!acc.Any)
        {
            return Step.Stop; // 万 alone is not a number
        }

        if (acc.ByDigit)
        {
            return Step.Fail;
        }

        var below = acc.Section + acc.Number;
        if (below == 0 && acc.Result == 0)
        {
            below = 1;
        }

        if (acc.LastBig != 0 && big >= acc.LastBig && below == 0)
        {
            acc.Result *= big; // 万亿, 万万
        }
        else if (acc.LastBig != 0 && big > acc.LastBig)
        {
            acc.Result = (acc.Result + below) * big;
        }
        else
        {
            acc.Result += below * big;
        }

        acc.LastBig = big;
        acc.Section = 0;
        acc.Number = 0;
        acc.HasNumber = false;
        acc.PendingIsSingleHan = false;
        acc.LastUnit = big;
        acc.Zero = false;
        acc.HasMultiplier = true;
        return Advance(ref i, ref acc);
    }

    /// <summary>A last digit after a unit stands for the unit below: 一百五 = 150, 一万三 = 13 000 (but 一百零五 = 105, 3万4000 = 34 000).</summary>
    private static void ApplyAbbreviatedLastDigit(ref Accumulator acc)
    {
        if (acc.HasNumber && acc.PendingIsSingleHan && acc.LastUnit >= 100 && !acc.Zero && acc.Number < 10)
        {
            acc.Number *= acc.LastUnit / 10;
        }
    }

    /// <summary>点 decimals after a Chinese number: 二点五, 两千万点五五四四; null when none follow.</summary>
    private static (decimal Value, int End)? ReadPointDecimals(string text, int end, decimal value)
    {
        var n = text.Length;
        if (!(end < n - 1 && text[end] is '点' or '點' && IsDecimalDigit(text[end + 1])))
        {
            return null;
        }

        var j = end + 1;
        var scale = 0.1m;
        while (j < n && IsDecimalDigit(text[j]))
        {
            value += ChineseNumerals.Digit(text[j]) * scale;
            scale /= 10;
            j++;
        }

        return (value, j);
    }

    private static bool IsDecimalDigit(char c) => ChineseNumerals.Digit(c) >= 0 && c is not '两' and not '兩' and not '倆';

    private static bool IsGroup(string text, int at) =>
        at + 2 < text.Length
        && ChineseNumerals.IsArabicDigit(text[at]) && ChineseNumerals.IsArabicDigit(text[at + 1]) && ChineseNumerals.IsArabicDigit(text[at + 2])
        && (at + 3 >= text.Length || !ChineseNumerals.IsArabicDigit(text[at + 3]));
}
