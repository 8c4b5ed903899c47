using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// The numbers Word generates for list paragraphs ("一、", "（一）", "1."), computed from numbering.xml the way Word
/// counts: a counter per list and level, deeper levels restarting when a shallower one advances, a list instance
/// with a start override counting on its own. Per-document state: make one for each file.
/// </summary>
internal sealed class ListNumbering
{
    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?[]> _counters = new(StringComparer.Ordinal);

    public ListNumbering(Numbering? numbering, Styles? styles)
    {
        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (instance.NumberID?.Value is { } id)
            {
                _instances[id] = instance;
            }
        }

        foreach (var abstractNum in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (abstractNum.AbstractNumberId?.Value is { } id)
            {
                _abstracts[id] = abstractNum;
            }
        }

        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                _styles[id] = style;
            }
        }
    }

    /// <summary>The number Word shows before this paragraph ("一、"), or an empty string when it has none or a bullet.</summary>
    public string Next(Paragraph paragraph)
    {
        var (numId, level, styleId) = Resolve(paragraph);
        if (numId is not { } id || id == 0 || !_instances.TryGetValue(id, out var instance)
            || instance.AbstractNumId?.Val?.Value is not { } abstractId || !_abstracts.TryGetValue(abstractId, out var abstractNum))
        {
            return string.Empty;
        }

        var levels = abstractNum.Elements<Level>().Where(l => l.LevelIndex?.Value is not null).ToDictionary(l => l.LevelIndex!.Value);
        if (level is null && styleId is not null)
        {
            level = levels.Values.FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value;
        }

        var ilvl = Math.Clamp(level ?? 0, 0, 8);
        var overrides = instance.Elements<LevelOverride>().ToList();
        var key = overrides.Count > 0 ? $"num{id}" : $"abs{abstractId}";
        if (!_counters.TryGetValue(key, out var counters))
        {
            counters = new int?[9];
            _counters[key] = counters;
        }

        counters[ilvl] = counters[ilvl] is { } current ? current + 1 : Start(levels, overrides, ilvl);
        for (var deeper = ilvl + 1; deeper < counters.Length; deeper++)
        {
            counters[deeper] = null;
        }

        if (!levels.TryGetValue(ilvl, out var definition))
        {
            return string.Empty;
        }

        var format = definition.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
        {
            return string.Empty;
        }

        var legal = definition.IsLegalNumberingStyle is not null;
        var pattern = definition.LevelText?.Val?.Value ?? $"%{ilvl + 1}.";
        var text = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var k = pattern[i + 1] - '1';
                var value = counters[k] ?? Start(levels, overrides, k);
                var kFormat = legal ? NumberFormatValues.Decimal : levels.TryGetValue(k, out var l) ? l.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal : NumberFormatValues.Decimal;
                text.Append(Format(value, kFormat));
                i++;
            }
            else
            {
                text.Append(pattern[i]);
            }
        }

        return text.ToString();
    }

    private static int Start(Dictionary<int, Level> levels, List<LevelOverride> overrides, int ilvl)
    {
        var start = overrides.FirstOrDefault(o => o.LevelIndex?.Value == ilvl)?.StartOverrideNumberingValue?.Val?.Value;
        return start ?? (levels.TryGetValue(ilvl, out var l) ? l.StartNumberingValue?.Val?.Value ?? 1 : 1);
    }

    /// <summary>numId and ilvl from the paragraph, else from its style and the styles it is based on.</summary>
    private (int? NumId, int? Level, string? StyleId) Resolve(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var numPr = properties?.NumberingProperties;
        int? numId = numPr?.NumberingId?.Val?.Value;
        int? level = numPr?.NumberingLevelReference?.Val?.Value;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = styleId;
        while (numId is null && current is not null && seen.Add(current) && _styles.TryGetValue(current, out var style))
        {
            var styleNumPr = style.StyleParagraphProperties?.NumberingProperties;
            numId = styleNumPr?.NumberingId?.Val?.Value;
            level ??= styleNumPr?.NumberingLevelReference?.Val?.Value;
            current = style.BasedOn?.Val?.Value;
        }

        return (numId, level, styleId);
    }

    internal static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand)
        {
            return ChineseCounting(value, NumeralStyle.Common);
        }

        if (format == NumberFormatValues.ChineseLegalSimplified)
        {
            return ChineseCounting(value, NumeralStyle.Financial);
        }

        if (format == NumberFormatValues.IdeographTraditional && value is >= 1 and <= 10)
        {
            return "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString();
        }

        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
        {
            return value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.DecimalFullWidth || format == NumberFormatValues.DecimalFullWidth2)
        {
            return string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));
        }

        if (format == NumberFormatValues.DecimalZero)
        {
            return value.ToString("00", CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.UpperLetter || format == NumberFormatValues.LowerLetter)
        {
            var letter = (char)('A' + (value - 1) % 26);
            var text = new string(letter, (value - 1) / 26 + 1);
            return format == NumberFormatValues.LowerLetter ? text.ToLowerInvariant() : text;
        }

        if (format == NumberFormatValues.UpperRoman || format == NumberFormatValues.LowerRoman)
        {
            var roman = Roman(value);
            return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五 as Word's chineseCounting writes them; 0 and 10 000 up in digits.</summary>
    private static string ChineseCounting(int value, NumeralStyle style) =>
        value is > 0 and < 10000 ? ChineseNumerals.Format(value, style) : value.ToString(CultureInfo.InvariantCulture);

    private static string Roman(int value)
    {
        (int Value, string Mark)[] marks = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        foreach (var (v, mark) in marks)
        {
            while (value >= v)
            {
                text.Append(mark);
                value -= v;
            }
        }

        return text.ToString();
    }
}
