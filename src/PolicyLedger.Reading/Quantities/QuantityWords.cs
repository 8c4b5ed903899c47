using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Quantities;

/// <summary>The words around figures in policy text: units, bounds, fillers. Matched longest first.</summary>
internal static class QuantityWords
{
    /// <summary>Currency words and the unit they normalize to.</summary>
    public static readonly (string Word, string Unit)[] Currencies =
    [
        ("元人民币", "元"), ("人民币", "元"), ("美元", "美元"), ("美圆", "美元"), ("美金", "美元"), ("欧元", "欧元"),
        ("日元", "日元"), ("港元", "港元"), ("港币", "港元"), ("英镑", "英镑"), ("台币", "台币"), ("瑞士法郎", "瑞士法郎"),
        ("法郎", "法郎"), ("卢布", "卢布"), ("韩元", "韩元"), ("奈拉", "奈拉"), ("比特币", "比特币"), ("元", "元"), ("块", "元"),
    ];

    /// <summary>Measure words read after a number, longest first where one is the start of another.</summary>
    public static readonly string[] Measures =
    [
        "个百分点", "百分点", "個百分點", "百分點", "个百分點", "個百分点", "个基点", "基点", "个工作日", "工作日", "个月", "个", "人次", "户次", "架次", "车次", "家", "人", "名", "位", "户",
        "平方公里", "平方千米", "平方米", "万平方米", "立方米", "公顷", "亩", "公里", "千米", "厘米", "毫米", "公分", "米", "公斤", "千克", "毫克", "微克", "克", "吨", "斤",
        "千瓦时", "千瓦", "兆瓦", "万千瓦", "度", "伏", "千伏", "标准煤", "倍", "场", "套", "台", "辆", "座", "所", "条", "项", "件", "批", "次",
        "晚", "天", "年", "小时", "周", "岁", "张", "部", "只", "头", "株", "棵", "间", "栋", "床", "支", "类", "处", "篇", "册", "份",
        "个点", "段", "片", "道", "门", "组", "期", "轮", "届", "级",
    ];

    /// <summary>Measure words a one-character Chinese numeral may carry and still be a figure (三个月, 半年).</summary>
    public static readonly HashSet<string> ShortHanMeasures = ["个月", "年", "天", "倍", "个百分点", "百分点", "個百分點", "百分點", "个百分點", "個百分点", "小时", "个工作日", "工作日", "周",
        "吨", "米", "斤", "公斤", "千克", "公里", "千米", "亩", "平方米", "公顷", "厘米", "公分", "克"];

    /// <summary>Units written in Latin letters after a number (168cm, 250m, 10kV), as they are read; 5A and 5G are not units.</summary>
    public static readonly string[] LatinUnits = ["kwh", "kw", "kv", "km", "cm", "mm", "kg", "mw", "gw", "m", "t"];

    /// <summary>Measure words a 半 may follow (一吨半, 三年半).</summary>
    public static readonly HashSet<string> HalfAfter = ["吨", "米", "斤", "公斤", "千克", "公里", "年", "小时", "天", "亩"];

    /// <summary>Measure words that say nothing on their own after a bare numeral: 届 and 级 read as ordinals/grades.</summary>
    public static readonly HashSet<string> NeverMeasures = ["届", "级", "门", "期", "轮", "道"];

    /// <summary>Words that bound the number they precede.</summary>
    public static readonly (string Word, Bound Bound)[] Prefix =
    [
        ("不超过", Bound.Max), ("不高于", Bound.Max), ("不多于", Bound.Max), ("不大于", Bound.Max), ("最高", Bound.Max), ("最多", Bound.Max),
        ("最长", Bound.Max), ("至多", Bound.Max), ("不足", Bound.Max), ("不到", Bound.Max), ("低于", Bound.Max), ("少于", Bound.Max),
        ("小于", Bound.Max), ("上限", Bound.Max),
        ("不少于", Bound.Min), ("不低于", Bound.Min), ("不小于", Bound.Min), ("超过", Bound.Min), ("突破", Bound.Min), ("至少", Bound.Min),
        ("最低", Bound.Min), ("最少", Bound.Min), ("大于", Bound.Min), ("高于", Bound.Min), ("多于", Bound.Min), ("超", Bound.Min),
        ("大约", Bound.Approx), ("约为", Bound.Approx), ("约", Bound.Approx), ("近", Bound.Approx),
    ];

    public static readonly string[] PrefixWords = [.. Prefix.Select(p => p.Word)];

    /// <summary>Words after a figure that bound it.</summary>
    public static readonly (string Word, Bound Bound)[] Suffix =
    [
        ("及以上", Bound.Min), ("以上", Bound.Min), ("及以下", Bound.Max), ("以下", Bound.Max), ("以内", Bound.Max), ("之内", Bound.Max),
        ("内", Bound.Max), ("左右", Bound.Approx), ("上下", Bound.Approx),
    ];

    /// <summary>Verbs that may stand between a bound or a 每 phrase and the figure: 最高补助500万元, 每平方米补贴20元.</summary>
    public static readonly string[] Fillers =
    [
        "可降至", "降至", "补贴", "补助", "奖励", "奖补", "给予", "发放", "资助", "支持", "可", "为", "达", "再", "一次性",
    ];

    /// <summary>What an amount can be paid per after 每 or /.</summary>
    public static readonly string[] PerWords =
    [
        "平方米", "平方公里", "千瓦时", "千瓦", "人次", "季度", "企业", "项目", "个人", "人", "户", "台", "套", "辆", "亩", "吨", "家", "个", "月", "年",
        "天", "日", "次", "项", "件", "张", "床", "名", "所", "度", "车", "间", "单", "批", "场",
    ];

    public static string? MatchAt(string text, int at, IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (string.CompareOrdinal(text, at, w, 0, w.Length) == 0 && at + w.Length <= text.Length)
            {
                return w;
            }
        }

        return null;
    }

    public static string? MatchLongestAt(string text, int at, IEnumerable<string> words)
    {
        string? best = null;
        foreach (var w in words)
        {
            if (at + w.Length <= text.Length && string.CompareOrdinal(text, at, w, 0, w.Length) == 0 && (best is null || w.Length > best.Length))
            {
                best = w;
            }
        }

        return best;
    }

    /// <summary>The longest word of <paramref name="words"/> that ends just before <paramref name="end"/>.</summary>
    public static string? MatchLongestBefore(string text, int end, IEnumerable<string> words)
    {
        string? best = null;
        foreach (var w in words)
        {
            var at = end - w.Length;
            if (at >= 0 && string.CompareOrdinal(text, at, w, 0, w.Length) == 0 && (best is null || w.Length > best.Length))
            {
                best = w;
            }
        }

        return best;
    }

    public static bool IsClauseBreak(char c) => c is '，' or '。' or '；' or ';' or '：' or ':' or '\n' or '！' or '？' or ',' or '（' or '）' or '(' or ')';
}
