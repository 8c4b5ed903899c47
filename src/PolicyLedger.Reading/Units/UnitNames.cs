namespace PolicyLedger.Reading.Units;

/// <summary>
/// The built-in knowledge of unit names: the usual full names of government departments, the short names written
/// for them, and the words that tell a unit's kind. Pure data and lookups; <see cref="UnitResolver"/> applies them.
/// </summary>
internal static class UnitNames
{
    /// <summary>Full names of the usual departments of a city or district government. A name written without 和
    /// or with 委 for 委员会 finds its full name here through <see cref="MentionText.Compact"/>.</summary>
    private static readonly string[] DepartmentNames =
    [
        "人民政府办公室", "发展和改革委员会", "发展和改革局", "发展改革和统计局", "教育局", "教育体育局", "科学技术局",
        "工业和信息化局", "工业信息和科技局", "科技和工业信息化局", "民族宗教事务委员会", "民族宗教事务局", "公安局", "民政局",
        "司法局", "财政局", "财政金融局", "人力资源和社会保障局", "自然资源和规划局", "自然资源局", "生态环境局",
        "住房和城乡建设局", "城市管理局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广电和旅游局",
        "文化和旅游局", "卫生健康委员会", "卫生健康局", "退役军人事务局", "应急管理局", "审计局",
        "国有资产监督管理委员会", "国有资产监督管理局", "市场监督管理局", "统计局", "医疗保障局", "林业局",
        "乡村振兴局", "体育局", "信访局", "机关事务管理局", "粮食和物资储备局", "人民防空办公室",
        "行政审批和政务信息管理局", "行政审批服务局", "政务和大数据局", "大数据管理局", "金融工作局", "金融工作办公室",
        "地方金融监督管理局", "住房公积金管理中心", "外事办公室", "投资促进局", "城市管理综合执法局", "农业机械化服务中心",
        "人民防空办公室",
    ];

    /// <summary>Short names whose full name is not found by removing 和 (人社局, 发改委, 卫健委 …).</summary>
    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["人社局"] = "人力资源和社会保障局",
        ["人力社保局"] = "人力资源和社会保障局",
        ["发改委"] = "发展和改革委员会",
        ["发改局"] = "发展和改革局",
        ["卫健委"] = "卫生健康委员会",
        ["卫健局"] = "卫生健康局",
        ["卫生健康委"] = "卫生健康委员会",
        ["工信局"] = "工业和信息化局",
        ["工信委"] = "工业和信息化委员会",
        ["住建局"] = "住房和城乡建设局",
        ["城管局"] = "城市管理局",
        ["市场监管局"] = "市场监督管理局",
        ["应急局"] = "应急管理局",
        ["医保局"] = "医疗保障局",
        ["退役军人局"] = "退役军人事务局",
        ["事管局"] = "机关事务管理局",
        ["机关事务局"] = "机关事务管理局",
        ["国资委"] = "国有资产监督管理委员会",
        ["政府国资委"] = "国有资产监督管理委员会",
        ["国资局"] = "国有资产监督管理局",
        ["科技局"] = "科学技术局",
        ["教体局"] = "教育体育局",
        ["交通局"] = "交通运输局",
        ["农业农村委"] = "农业农村委员会",
        ["民宗局"] = "民族宗教事务局",
        ["民宗委"] = "民族宗教事务委员会",
        ["生态环境分局"] = "生态环境分局",
        ["公积金管理中心"] = "住房公积金管理中心",
        ["公积金中心"] = "住房公积金管理中心",
        ["人防办"] = "人民防空办公室",
        ["外事办"] = "外事办公室",
        ["政府办"] = "人民政府办公室",
        ["政府办公室"] = "人民政府办公室",
        ["政府办公厅"] = "人民政府办公厅",
        ["大数据局"] = "大数据管理局",
        ["审批局"] = "行政审批服务局",
        ["农机局"] = "农业机械化服务中心",
        ["统计局"] = "统计局",
    };

    /// <summary>Organs of the Party, named without their committee mark (组织部 of 市委组织部).</summary>
    private static readonly Dictionary<string, string> PartyOrgans = new()
    {
        ["组织部"] = "组织部",
        ["宣传部"] = "宣传部",
        ["统战部"] = "统战部",
        ["统一战线工作部"] = "统战部",
        ["政法委"] = "政法委员会",
        ["政法委员会"] = "政法委员会",
        ["编办"] = "机构编制委员会办公室",
        ["编委办"] = "机构编制委员会办公室",
        ["机构编制委员会办公室"] = "机构编制委员会办公室",
        ["网信办"] = "网络安全和信息化委员会办公室",
        ["网络和信息化委员会办公室"] = "网络安全和信息化委员会办公室",
        ["网络安全和信息化委员会办公室"] = "网络安全和信息化委员会办公室",
        ["文明办"] = "精神文明建设委员会办公室",
        ["精神文明建设委员会办公室"] = "精神文明建设委员会办公室",
        ["政研室"] = "政策研究室",
        ["政策研究室"] = "政策研究室",
        ["办公室"] = "办公室",
        ["社会工作部"] = "社会工作部",
        ["社工部"] = "社会工作部",
        ["巡察办"] = "巡察工作领导小组办公室",
        ["老干部局"] = "老干部局",
        ["党史研究室"] = "党史研究室",
        ["党校"] = "党校",
        ["纪委监委"] = "纪委监委",
        ["纪委"] = "纪委",
        ["办"] = "办公室",
        ["直机关工委"] = "直属机关工作委员会",
        ["直属机关工委"] = "直属机关工作委员会",
    };

    /// <summary>Mass organizations (人民团体), short name → full name.</summary>
    private static readonly Dictionary<string, string> MassOrganizations = new()
    {
        ["总工会"] = "总工会",
        ["工会"] = "总工会",
        ["妇联"] = "妇女联合会",
        ["妇女联合会"] = "妇女联合会",
        ["残联"] = "残疾人联合会",
        ["残疾人联合会"] = "残疾人联合会",
        ["工商联"] = "工商业联合会",
        ["工商业联合会"] = "工商业联合会",
        ["科协"] = "科学技术协会",
        ["科学技术协会"] = "科学技术协会",
        ["文联"] = "文学艺术界联合会",
        ["文学艺术界联合会"] = "文学艺术界联合会",
        ["侨联"] = "归国华侨联合会",
        ["归国华侨联合会"] = "归国华侨联合会",
        ["红十字会"] = "红十字会",
        ["社科联"] = "社会科学界联合会",
    };

    /// <summary>Words that mark a body outside the local government (vertically managed, judicial, financial regulators).</summary>
    private static readonly string[] OutsideMarks =
    [
        "人民银行", "人行", "银保监", "银监", "保监", "证监", "金融监管", "金融监督管理总局", "海关", "法院", "检察院", "税务",
        "调查队", "气象局", "邮政管理局", "通管办", "通信管理", "河务局", "消防救援", "消防大队", "消防支队", "监管组",
        "监管分局", "出入境", "边检", "铁路", "民航", "烟草专卖", "水文", "国家统计局", "海事",
    ];

    private static readonly string[] CompanyMarks = ["公司", "集团", "银行", "农商行", "信用社", "有限"];

    private static readonly string[] OtherMarks =
    [
        "学院", "大学", "学校", "中学", "小学", "医院", "科学院", "农科院", "研究院", "研究所", "领导小组办公室",
        "指挥部办公室", "指挥部", "领导小组", "供销社", "供销合作社", "工作专班", "人大", "政协",
    ];

    private static readonly string[] GovernmentEnds =
    [
        "人民政府", "政府", "街道办事处", "管理委员会", "管委会", "开发区管理办公室", "区管理办公室", "开发区", "示范区",
        "集聚区", "新区", "园区",
    ];

    private static readonly string[] DepartmentEnds =
    [
        "局", "委", "委员会", "办", "办公室", "室", "中心", "厅", "署", "站", "所", "队", "处", "科", "院", "馆", "部",
    ];

    /// <summary>Generic names of the bodies below a government: written without a place, they mean all of them.</summary>
    private static readonly HashSet<string> GenericBodies =
    [
        "镇人民政府", "乡人民政府", "乡镇人民政府", "乡（镇）人民政府", "镇（乡）人民政府", "乡镇（街道）",
        "镇（街道）", "乡（镇、街道）", "街道办事处", "街道", "乡镇", "镇", "乡", "开发区管理办公室", "开发区管理委员会",
        "开发区", "产业集聚区管理委员会", "县（市、区）人民政府", "县（区）人民政府", "县（市）人民政府",
        "县市区人民政府", "县（市、区）", "县区人民政府", "区县人民政府", "村（社区）", "社区", "村", "行政村",
        "部门", "单位", "金融机构", "银行", "银行业金融机构", "企业", "国有企业", "成员单位",
    ];

    private static readonly Dictionary<string, (string Full, UnitKind Kind)> ByCompact = BuildCompactIndex();

    private static Dictionary<string, (string, UnitKind)> BuildCompactIndex()
    {
        var index = new Dictionary<string, (string, UnitKind)>(StringComparer.Ordinal);
        foreach (var name in DepartmentNames)
        {
            index.TryAdd(MentionText.Compact(name), (name, UnitKind.Department));
        }

        return index;
    }

    /// <summary>Whether the whole text is a department name as it stands, so a leading 市 in it is no prefix (市场监管局).</summary>
    public static bool IsKnownWhole(string text) =>
        Abbreviations.ContainsKey(text) || ByCompact.ContainsKey(MentionText.Compact(text)) ||
        MassOrganizations.ContainsKey(text);

    public static bool IsGenericBody(string text) => GenericBodies.Contains(NormalizeGovernmentWords(text));

    /// <summary>政府 → 人民政府, 管委会 → 管理委员会, so that short and long forms of these words compare equal.</summary>
    public static string NormalizeGovernmentWords(string text)
    {
        var s = text.Replace("管委会", "管理委员会", StringComparison.Ordinal);
        if (s.EndsWith("政府", StringComparison.Ordinal) && !s.EndsWith("人民政府", StringComparison.Ordinal))
        {
            s = s[..^2] + "人民政府";
        }

        return s;
    }

    /// <summary>The full name of a department written in any usual form, or null when it is not known.</summary>
    public static string? DepartmentFullName(string core)
    {
        if (Abbreviations.TryGetValue(core, out var full))
        {
            return full;
        }

        return ByCompact.TryGetValue(MentionText.Compact(core), out var hit) ? hit.Full : null;
    }

    /// <summary>Whether a canonical department name is one of the tables' full names.</summary>
    public static bool IsKnownDepartment(string name) =>
        ByCompact.TryGetValue(MentionText.Compact(name), out var hit) && hit.Full == name || Abbreviations.ContainsValue(name);

    public static string? PartyOrganName(string core) => PartyOrgans.TryGetValue(core, out var n) ? n : null;

    public static string? MassOrganizationName(string core) => MassOrganizations.TryGetValue(core, out var n) ? n : null;

    /// <summary>The kind a name tells by its words. Collectives and party organs are recognized before this.</summary>
    public static UnitKind KindOf(string name)
    {
        if (MassOrganizations.ContainsKey(name))
        {
            return UnitKind.MassOrganization;
        }

        if (DepartmentFullName(name) is not null)
        {
            return UnitKind.Department;
        }

        if (OutsideMarks.Any(m => name.Contains(m, StringComparison.Ordinal)) && !name.EndsWith("公司", StringComparison.Ordinal))
        {
            return UnitKind.OutsideBody;
        }

        if (CompanyMarks.Any(m => name.Contains(m, StringComparison.Ordinal)))
        {
            return UnitKind.Company;
        }

        if (OtherMarks.Any(m => name.Contains(m, StringComparison.Ordinal)))
        {
            return UnitKind.Other;
        }

        if (GovernmentEnds.Any(e => name.EndsWith(e, StringComparison.Ordinal)) || name.EndsWith('区'))
        {
            return UnitKind.Government;
        }

        return DepartmentEnds.Any(e => name.EndsWith(e, StringComparison.Ordinal)) ? UnitKind.Department : UnitKind.Other;
    }
}
