namespace PolicyLedger.Reading.Units;

/// <summary>Why a mention is not the name of an organisation. Stable codes: the ledger and the reader's diagnostics use them.</summary>
public enum NotAUnitReason
{
    /// <summary>A title in 《》: a law, a standard, a document.</summary>
    BookTitle,

    /// <summary>Sentence punctuation inside (。；！？, a comma, quotation marks): a piece of a sentence.</summary>
    Sentence,

    /// <summary>Longer than any organisation's name.</summary>
    TooLong,

    /// <summary>Digits, a percent or a date in a mention that does not end like an organisation.</summary>
    Figures,

    /// <summary>Opens with a verb or a declaration's words (明确, 加强, 以下均需) and does not end like an organisation.</summary>
    VerbPhrase,

    /// <summary>Nothing is left once the mention is cleaned.</summary>
    Empty,
}

/// <summary>
/// Whether a mention reads as the name of an organisation. The resolver marks the mentions that do not
/// (<see cref="ResolvedMention.NotAUnit"/>) so that no unit is made of them; the reader can ask the same question
/// (<see cref="Check"/>) to put a diagnostic on the clause. Generic: it knows how organisations' names end and how
/// sentences start, nothing about places.
/// </summary>
public static class MentionShape
{
    /// <summary>No organisation's name is longer (中国人民银行某某市中心支行营业管理部 has 18; a collective with a description 20).</summary>
    public const int MaxLength = 30;

    /// <summary>How organisations' names end (after a second name in brackets is set aside).</summary>
    private static readonly string[] OrganisationEnds =
    [
        "局", "委", "办", "厅", "部", "室", "处", "科", "所", "站", "队", "院", "馆", "会", "社", "中心", "集团", "公司", "银行", "支行",
        "分行", "政府", "办事处", "街道", "乡镇", "镇", "乡", "村", "社区", "区", "县", "市", "省", "单位", "部门", "机构", "企业", "组",
        "团", "校", "学", "园", "场", "关", "行", "署", "台", "军", "支队", "大队", "中队", "分局", "专班", "小组", "联", "协", "盟", "司",
        "店", "厂", "库",
    ];

    /// <summary>Words a task or a declaration opens with; an organisation's name never does.</summary>
    private static readonly string[] SentenceOpenings =
    [
        "以下", "上述", "均需", "均由", "不再", "明确", "加强", "加快", "加速", "加大", "落实", "落地", "推进", "推动", "完善", "开展", "做好",
        "确保", "负责", "牵头", "配合", "协调", "建立", "健全", "支持", "鼓励", "引导", "实施", "制定", "出台", "提高", "提升",
        "提供", "强化", "优化", "深化", "扩大", "积极", "全面", "进一步", "继续", "持续", "按照", "根据", "对于", "简化", "保障", "设立",
        "培育", "打造", "引进", "培养", "组建", "召开", "举办", "编制", "修订", "清理", "规范", "整治", "改造", "新建", "建成", "完成",
        "实现", "争取", "力争", "用好", "抓好", "办好", "搭建", "构建", "拓展", "拓宽", "降低", "减少", "减免", "免征", "给予", "发放",
        "兑现", "开通", "畅通", "严格", "依法", "坚持", "聚焦", "围绕", "统筹", "督促", "考核", "评估", "做大", "做强", "用足", "探索",
        "对", "由", "在", "将", "把", "按", "从", "其中", "并", "和", "及", "或", "请", "要", "应", "须",
    ];

    /// <summary>Why <paramref name="mention"/> is not an organisation's name, or null when it reads as one.</summary>
    public static NotAUnitReason? Check(string mention)
    {
        var clean = MentionText.Clean(mention ?? string.Empty);
        return Check(clean, MentionText.SplitSecondName(clean).Main);
    }

    /// <summary>As <see cref="Check(string)"/>, for a mention already cleaned and its name without a second name in brackets.</summary>
    internal static NotAUnitReason? Check(string clean, string main)
    {
        if (clean.Length == 0)
        {
            return NotAUnitReason.Empty;
        }

        if (clean.Contains('《') || clean.Contains('》') || clean.Contains('〈') || clean.Contains('〉'))
        {
            return NotAUnitReason.BookTitle;
        }

        if (clean.IndexOfAny(['。', '；', ';', '！', '!', '？', '?', '“', '”', '"', '…', '，', ',']) >= 0)
        {
            return NotAUnitReason.Sentence;
        }

        if (clean.Length > MaxLength)
        {
            return NotAUnitReason.TooLong;
        }

        if (EndsLikeOrganisation(main))
        {
            return null;
        }

        if (main.Any(c => char.IsAsciiDigit(c) || c is '%' or '％' || c is >= '０' and <= '９'))
        {
            return NotAUnitReason.Figures;
        }

        return SentenceOpenings.Any(o => main.StartsWith(o, StringComparison.Ordinal) && main.Length > o.Length)
            ? NotAUnitReason.VerbPhrase
            : null;
    }

    /// <summary>
    /// Why, in Chinese for the user: the reason a clause diagnostic (PL405, <c>DiagnosticCodes.NotOrganisation</c>) gives
    /// for a mention that is no organisation's name.
    /// </summary>
    public static string Describe(NotAUnitReason reason) => reason switch
    {
        NotAUnitReason.BookTitle => "含书名号，是文件或法规的名称",
        NotAUnitReason.Sentence => "含句中标点，是句子的一部分",
        NotAUnitReason.TooLong => $"长于{MaxLength}字，比任何单位名称都长",
        NotAUnitReason.Figures => "含数字，且不以机构名称结尾",
        NotAUnitReason.VerbPhrase => "以动词或句首词开头，且不以机构名称结尾",
        _ => "为空",
    };

    /// <summary>Whether a name closes the way organisations' names do (局, 委, 中心, 公司, 人民政府, 各部门 …, or a bracket as in 县（市、区）).</summary>
    public static bool EndsLikeOrganisation(string name) =>
        name.EndsWith('）') || OrganisationEnds.Any(e => name.EndsWith(e, StringComparison.Ordinal));
}
