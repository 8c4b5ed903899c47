using System.Text.RegularExpressions;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Readers;

/// <summary>
/// The words the clause and item readers rely on, in one place: the labels and verbs of responsibility clauses, the
/// lead rule and the declarations that cover later items, the endings of organisation names, and the words that make
/// a text a sentence rather than a name. Words of the language of official documents only — knowledge about places and
/// their units is data (see <c>Units/</c>).
/// </summary>
internal static partial class ClauseVocabulary
{
    /// <summary>Labels of keyed clauses ("牵头单位：X"), longest first so that 牵头责任单位 is not read as 责任单位.</summary>
    public static readonly (string Label, Role Role)[] Labels =
    [
        ("牵头责任单位", Role.Lead), ("主要责任单位", Role.Lead), ("具体责任单位", Role.Responsible), ("协同责任单位", Role.Cooperating),
        ("配合责任单位", Role.Cooperating), ("责任牵头单位", Role.Lead),
        ("牵头单位", Role.Lead), ("牵头部门", Role.Lead), ("主责单位", Role.Lead), ("主责部门", Role.Lead), ("主办单位", Role.Lead),
        ("责任单位", Role.Responsible), ("责任部门", Role.Responsible), ("负责单位", Role.Responsible), ("负责部门", Role.Responsible),
        ("实施单位", Role.Responsible), ("承办单位", Role.Responsible), ("责任主体", Role.Responsible), ("落实单位", Role.Responsible),
        ("配合单位", Role.Cooperating), ("配合部门", Role.Cooperating), ("协办单位", Role.Cooperating), ("参与单位", Role.Cooperating),
        ("协助单位", Role.Cooperating), ("协同单位", Role.Cooperating), ("协同部门", Role.Cooperating), ("支持单位", Role.Cooperating),
    ];

    /// <summary>The words that mark a clause-like phrase even where it does not parse (for diagnostics).</summary>
    public static readonly string[] ClauseWords = ["负责", "牵头", "配合", "责任单位", "牵头单位", "配合单位", "责任部门", "牵头部门", "协办", "按职责分工"];

    /// <summary>
    /// Endings of organisation names: a mention that ends with one of these reads as a body (区财政局, 各街道办事处,
    /// 某某集团有限公司, 消防大队等负有安全管理职责的部门). Checked longest first.
    /// </summary>
    public static readonly string[] OrganisationEnds =
    [
        "人民政府", "办事处", "委员会", "管委会", "办公室", "办公厅", "领导小组", "指挥部", "工作专班", "专班", "有限公司", "公司", "集团",
        "中心", "部门", "单位", "机构", "企业", "海关", "小学", "中学", "学校", "幼儿园", "医院", "卫生院", "学院", "大学", "研究院",
        "研究所", "实验室", "电视台", "报社", "检察院", "法院", "纪委", "监委", "联合会", "协会", "学会", "商会", "工会", "妇联", "残联", "侨联", "科协", "文联",
        "工商联", "团委", "支行", "分行", "银行", "供销社", "合作社", "政府", "街道", "乡镇", "镇街", "社区", "片区", "园区", "开发区", "新区",
        "示范区", "高新区", "保税区", "自贸区", "试验区", "集聚区", "功能区", "管理区", "度假区", "景区", "风景区",
        "局", "委", "办", "处", "室", "厅", "部", "署", "院", "所", "站", "队", "校", "馆", "台", "社", "会", "行", "组", "科", "股", "庭", "团",
        "区", "县", "市", "镇", "乡", "村", "场", "盟", "旗",
    ];

    /// <summary>
    /// Jurisdiction words that name no body by themselves: after "各区、" a bare "县级市" is part of the collective
    /// (各区、县级市), never a unit of its own.
    /// </summary>
    public static readonly string[] BareCategories =
    [
        "区", "县", "市", "县级市", "县（市、区）", "县(市、区)", "县（区）", "县市区", "区县", "县区", "镇", "乡", "乡镇", "镇街",
        "街道", "镇（街道）", "乡（镇）", "社区", "村", "村（社区）", "片区", "园区", "开发区", "功能区", "管理区", "新区", "旗",
    ];

    /// <summary>Verbs a task sentence opens with; a name never does unless it ends like an organisation (承担…工作的相关责任单位).</summary>
    public static readonly string[] SentenceOpeners =
    [
        "明确", "加强", "推进", "推动", "落实", "完善", "建立", "建设", "开展", "做好", "确保", "按照", "根据", "依据", "以下", "均需", "负责",
        "牵头", "配合", "加快", "强化", "提升", "实施", "组织", "健全", "优化", "深化", "支持", "鼓励", "引导", "统筹", "做实", "抓好",
        "完成", "争取", "力争", "保障", "保持", "对", "将", "在", "于", "为", "从", "以", "按", "向", "把", "对于", "关于", "通过", "结合",
        "围绕", "聚焦", "坚持", "持续", "全面", "积极", "认真", "切实", "进一步", "定期", "及时", "严格", "督促", "指导", "协调",
    ];

    /// <summary>Words that only a sentence holds, never a name.</summary>
    public static readonly string[] SentenceWords = ["均需", "不再", "确保", "应当", "必须", "要求", "要把", "以上", "以下", "左右", "之前", "以后", "工作中"];

    /// <summary>Words that, right after a bare 等, show it closes a list of examples (等相关单位, 等部门) rather than a name.</summary>
    [GeneratedRegex(@"等(?:相关|有关|其他|其它|各)?(?:单位|部门|部门和单位|单位和部门|成员单位|机构|地方)$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex GenericTail();

    /// <summary>The verbs that close a clause naming responsible units: 负责, 按职责分工负责, 为责任单位, 具体实施 ….</summary>
    [GeneratedRegex(@"(?:(?:按照?职责分工|按职责|根据职责|分别|共同|具体|主要)?(?:负责)+(?:落实|实施)?|为责任(?:单位|部门|主体)|具体(?:落实|实施)|抓好?落实|组织实施|负总责)$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex ResponsibleVerb();

    /// <summary>The verbs that close a clause naming leading units: 牵头, 牵头负责, 为牵头单位 ….</summary>
    [GeneratedRegex(@"(?:(?:共同)?牵头(?:负责|抓总|落实|推进|实施)?|为牵头(?:单位|部门))$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex LeadVerb();

    /// <summary>The verbs that close a clause naming cooperating units: 配合, 按职责配合, 协助, 为配合单位 ….</summary>
    [GeneratedRegex(@"(?:(?:按职责|积极|共同|协同)?(?:配合|协助|参与|协办)(?:落实|实施|推进)?|为配合(?:单位|部门))$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex CooperatingVerb();

    /// <summary>
    /// The lead rule, stated once for the document: 列第一位者为牵头单位（，下同）, 排在第一位的部门为牵头部门, 各项任务中第一个单位为牵头单位,
    /// 排名第一的为牵头单位, 列首位的单位为牵头单位.
    /// </summary>
    [GeneratedRegex(@"(?:(?:列|排)(?:在|于|名)?(?:第一位?|首位)的?(?:者|部门|单位)?|第一个?(?:责任)?(?:部门|单位)|首个(?:责任)?(?:部门|单位)|排名第一的?(?:部门|单位)?)(?:均)?为牵头(?:单位|部门)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex LeadRule();

    /// <summary>The lead rule where it closes a clause, with its punctuation: "…负责。列第一位者为牵头单位，下同".</summary>
    [GeneratedRegex(@"[。，,；;]?(?:其中|各项任务中|任务中)?(?:(?:列|排)(?:在|于|名)?(?:第一位?|首位)的?(?:者|部门|单位)?|第一个?(?:责任)?(?:部门|单位)|首个(?:责任)?(?:部门|单位)|排名第一的?(?:部门|单位)?)(?:均)?为牵头(?:单位|部门)(?:[，,；;](?:其他|其余|其它)(?:单位|部门)?(?:均)?为(?:配合|责任)(?:单位|部门))?[，,]?(?:下同)?[。.]?$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex LeadRuleAtEnd();

    /// <summary>The lead rule's second half, where it makes the other units cooperating: "…为牵头单位，其他为配合单位".</summary>
    [GeneratedRegex(@"为牵头(?:单位|部门)[，,；;](?:其他|其余|其它)(?:单位|部门)?(?:均)?为配合(?:单位|部门)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex OthersCooperate();

    /// <summary>
    /// A declaration that names units for every later item: "以下各项均需各县（市、区）人民政府落实，不再列出",
    /// "以下任务均需各片区配合落实，不再一一列出". <c>units</c> holds the names, <c>verb</c> the role word.
    /// </summary>
    [GeneratedRegex(@"以下(?:各项|所有|全部)?(?:重点)?(?:任务|工作|措施|事项)?(?:中)?(?:均|都|皆)?(?:需要?|须|要|应|由)(?:由)?(?<units>[^，,。；;]{2,60}?)(?<verb>牵头|负责|配合|协助|参与)?(?:组织)?(?:落实|实施|推进|完成|承担|执行)?[，,]?(?:均)?不再(?:一一|单独|逐一|逐项|重复)?(?:列出|列明|标注|注明|列举)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex DeclarationBefore();

    /// <summary>The other word order: "各乡镇（街道）为以下各项任务的责任单位，不再一一列出".</summary>
    [GeneratedRegex(@"(?<units>[^，,。；;：:]{2,60}?)(?:均)?为以下(?:各项|所有|全部)?(?:重点)?(?:任务|工作|措施|事项)?的?(?<verb>牵头|责任|配合|协办)(?:单位|部门)[，,]?(?:均)?不再(?:一一|单独|逐一|逐项|重复)?(?:列出|列明|标注|注明|列举)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    public static partial Regex DeclarationAfter();

    /// <summary>Labels of a time column or field: 完成时限：2023年6月底前.</summary>
    public static readonly string[] TimeLabels = ["完成时限", "完成时间", "时间节点", "时限要求", "办结时限", "时间安排", "时限"];

    /// <summary>Times that are a standing duty rather than a date (长期坚持, 持续推进): kept as an ongoing time.</summary>
    public static readonly string[] OngoingTimes = ["长期坚持", "长期推进", "长期", "持续推进", "持续开展", "持续", "常态化推进", "常态化", "久久为功"];

    /// <summary>The role a verb or label word gives: 牵头 → lead, 配合/协助/参与/协办 → cooperating, else responsible.</summary>
    public static Role RoleOfWord(string word) => word switch
    {
        "牵头" => Role.Lead,
        "配合" or "协助" or "参与" or "协办" => Role.Cooperating,
        _ => Role.Responsible,
    };

    private static readonly string LabelFirstChars = string.Concat(Labels.Select(l => l.Label[0]).Distinct());

    /// <summary>
    /// The label at <paramref name="i"/> followed by a colon, with its role and length (colon included); or, where the
    /// colon was lost, a label that opens a line or follows a stop and is followed by a unit's name ("。责任单位市经信局、…"),
    /// with its length without colon (<see cref="LacksColon"/> tells the two apart).
    /// </summary>
    public static (Role Role, int Length)? LabelAt(string s, int i)
    {
        if (i >= s.Length || !LabelFirstChars.Contains(s[i], StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (label, role) in Labels)
        {
            var end = i + label.Length;
            if (end < s.Length && string.CompareOrdinal(s, i, label, 0, label.Length) == 0)
            {
                if (s[end] is '：' or ':')
                {
                    return (role, label.Length + 1);
                }

                if ((i == 0 || s[i - 1] is '。' or '；' or ';' or '）' or ')' or ' ') && NameOpens(s, end))
                {
                    return (role, label.Length);
                }
            }
        }

        return null;
    }

    /// <summary>A label word (no colon) opening [start, end) with more text after it: its role and length.</summary>
    public static (Role Role, int Length)? LabelWordAt(string s, int start, int end)
    {
        if (start >= end || !LabelFirstChars.Contains(s[start], StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (label, role) in Labels)
        {
            if (end - start > label.Length + 1 && string.CompareOrdinal(s, start, label, 0, label.Length) == 0)
            {
                return (role, label.Length);
            }
        }

        return null;
    }

    /// <summary>The label found at <paramref name="at"/> with <paramref name="length"/> lost its colon.</summary>
    public static bool LacksColon(string s, int at, int length) => s[at + length - 1] is not ('：' or ':');

    /// <summary>A unit's name opens the text at <paramref name="i"/> (up to the next list separator).</summary>
    private static bool NameOpens(string s, int i)
    {
        var end = i;
        while (end < s.Length && end - i <= NameShape.MaxLength && s[end] is not ('、' or '，' or ',' or '；' or ';' or '。' or '：' or ':'))
        {
            end++;
        }

        if (end <= i + 1 || NameShape.NameEnd(s, i, end) <= i)
        {
            return false;
        }

        // "责任单位中排在第一位的为牵头单位": the lead rule, no clause.
        var stop = s.IndexOf('。', i);
        var sentence = s.AsSpan(i, (stop < 0 ? s.Length : stop) - i).ToString();
        return !LeadRule().IsMatch(sentence);
    }

    /// <summary>The longest organisation ending <paramref name="s"/> ends with, or null.</summary>
    public static string? OrganisationEnd(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !EndsByLastChar.TryGetValue(s[^1], out var ends))
        {
            return null;
        }

        foreach (var end in ends)
        {
            if (s.EndsWith(end, StringComparison.Ordinal))
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="s"/> opens with a verb tasks open with (明确, 加强 …).</summary>
    public static bool OpensWithVerb(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !OpenersByFirstChar.TryGetValue(s[0], out var openers))
        {
            return false;
        }

        foreach (var opener in openers)
        {
            if (s.StartsWith(opener, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The organisation endings by their last character, longest first.</summary>
    private static readonly Dictionary<char, string[]> EndsByLastChar = OrganisationEnds
        .GroupBy(e => e[^1])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Length).ToArray());

    private static readonly Dictionary<char, string[]> OpenersByFirstChar = SentenceOpeners
        .GroupBy(e => e[0])
        .ToDictionary(g => g.Key, g => g.ToArray());

    public static bool IsBareCategory(string s) => Array.IndexOf(BareCategories, s) >= 0;
}
