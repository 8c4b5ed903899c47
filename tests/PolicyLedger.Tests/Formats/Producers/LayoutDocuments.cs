namespace PolicyLedger.Tests.Formats.Producers;

/// <summary>What a reading of a layout document must find: per document its 文号, title and date, and the items in all.</summary>
internal sealed record LayoutExpectation(IReadOnlyList<(string? DocNumber, string Title, string Date)> Documents, int Items);

/// <summary>
/// Documents written for the PDF tests (invented places, units and figures), each in a layout offices use: a 红头
/// notice with measures on A4 with indented paragraphs; a forwarding notice holding the document it forwards, on
/// Letter paper with paragraph spacing and a running head; a task table on A5 running over pages with its header
/// repeated; measures on Letter paper with neither indents nor spacing, centred headings and long items.
/// </summary>
internal static class LayoutDocuments
{
    private static readonly string[] Units =
    [
        "市发展改革委", "市财政局", "市工业和信息化局", "市商务局", "市市场监管局", "市人力资源社会保障局", "市自然资源和规划局",
        "市住房城乡建设局", "市交通运输局", "市农业农村局", "市文化广电和旅游局", "市科技局", "市金融工作局", "市税务局",
        "市数据局", "市生态环境局", "市教育局", "市卫生健康委",
    ];

    private static readonly string[] Tasks =
    [
        "对新认定的国家级专精特新“小巨人”企业给予一次性奖励50万元，对新认定的省级专精特新中小企业给予一次性奖励10万元",
        "2024年底前建成工业互联网标识解析二级节点2个，推动规模以上工业企业数字化改造全覆盖",
        "落实小微企业和个体工商户所得税优惠政策，对月销售额10万元以下的小规模纳税人免征增值税",
        "开展“政银企”对接活动不少于12场次，力争全年新增普惠小微贷款30亿元以上",
        "对企业新招用登记失业人员并签订1年以上劳动合同的，按每人1000元的标准给予一次性吸纳就业补贴",
        "优化工业用地供应方式，推行“标准地”出让，新增工业用地“标准地”出让比例达到80%以上",
        "加快推进城市更新项目建设，全年完成老旧小区改造120个，惠及居民1.8万户",
        "加快推进高速公路连接线和国省干线公路建设，全年完成交通投资45亿元",
        "实施高标准农田建设项目，全年新建高标准农田12万亩，粮食总产稳定在30亿斤以上",
        "举办文化旅游消费季活动，发放文旅消费券1000万元，鼓励A级景区在节假日实行门票优惠",
        "支持企业建设研发中心，对新认定的省级企业技术中心给予一次性奖励30万元",
        "设立规模10亿元的产业发展基金，重点支持先进制造业和战略性新兴产业项目",
        "全面落实研发费用加计扣除政策，做好政策宣传辅导，确保应享尽享",
        "建设城市数据资源平台，推动政务数据共享开放，2024年6月底前开放数据集不少于300个",
        "深入打好污染防治攻坚战，细颗粒物平均浓度下降3%，优良天数比例达到75%以上",
        "推动职业院校与企业共建实训基地不少于10个，年培训技能人才5000人次",
    ];

    private static string UnitList(int seed, int count) =>
        string.Join("、", Enumerable.Range(0, count).Select(i => Units[(seed * 5 + i * 7) % Units.Length]).Distinct());

    private static string Clause(int n) => (n % 3) switch
    {
        0 => $"（责任单位：{UnitList(n, 2)}）",
        1 => $"（牵头单位：{UnitList(n, 1)}；配合单位：{UnitList(n + 1, 3)}）",
        _ => $"（牵头单位：{UnitList(n, 1)}；责任单位：{UnitList(n + 2, 2)}）",
    };

    /// <summary>Numbered measures with clauses, in sections, numbered on across the sections.</summary>
    private static List<Block> Measures(string[] sections, int perSection, bool centredSections, string numberMark = "．")
    {
        var blocks = new List<Block>();
        var n = 0;
        for (var s = 0; s < sections.Length; s++)
        {
            blocks.Add(new Block(centredSections ? BlockKind.CentredHeading : BlockKind.Heading, sections[s]));
            for (var i = 0; i < perSection; i++)
            {
                n++;
                var task = Tasks[(n * 3 + s) % Tasks.Length];
                var extra = n % 4 == 0 ? "，建立工作台账，实行清单化管理、项目化推进，每季度通报一次进展情况" : "";
                blocks.Add(new Block(BlockKind.Body, $"{n}{numberMark}{task}{extra}。{Clause(n)}"));
            }
        }

        return blocks;
    }

    public static LayoutDocument RedHeaderNotice { get; } = new("红头通知", PageSetup.A4, ParagraphStyle.Indent, RunningHead: null, PageNumbers: true,
    [
        new(BlockKind.RedHeader, "临江市人民政府文件"),
        new(BlockKind.DocNumber, "临政〔2024〕12号"),
        new(BlockKind.Title, "临江市人民政府关于印发临江市促进民营经济"),
        new(BlockKind.Title, "高质量发展若干措施的通知"),
        new(BlockKind.Addressee, "各县（市、区）人民政府，市人民政府各部门："),
        new(BlockKind.Body, "现将《临江市促进民营经济高质量发展若干措施》印发给你们，请认真贯彻执行。"),
        new(BlockKind.Right, "临江市人民政府"),
        new(BlockKind.Right, "2024年3月15日"),
        new(BlockKind.PageBreak, ""),
        new(BlockKind.Title, "临江市促进民营经济高质量发展若干措施"),
        new(BlockKind.Body, "为深入贯彻落实党中央、国务院关于促进民营经济发展壮大的决策部署，进一步优化民营经济发展环境，结合我市实际，制定如下措施。"),
        .. Measures(["一、优化发展环境", "二、加大要素支持", "三、强化创新驱动"], 7, centredSections: false),
    ]);

    public static LayoutExpectation RedHeaderNoticeExpected { get; } = new(
        [("临政〔2024〕12号", "临江市人民政府关于印发临江市促进民营经济高质量发展若干措施的通知", "2024-03-15")], 21);

    public static LayoutDocument ForwardingNotice { get; } = new("转发通知", PageSetup.Letter, ParagraphStyle.Spacing, RunningHead: "临江区政务公开 行政规范性文件", PageNumbers: true,
    [
        new(BlockKind.RedHeader, "临江区人民政府办公室文件"),
        new(BlockKind.DocNumber, "临区政办〔2024〕5号"),
        new(BlockKind.Title, "临江区人民政府办公室"),
        new(BlockKind.Title, "关于转发《临江市人民政府关于加快推进数字经济"),
        new(BlockKind.Title, "发展若干措施的通知》的通知"),
        new(BlockKind.Addressee, "各街道办事处，区人民政府各部门："),
        new(BlockKind.Body, "现将《临江市人民政府关于加快推进数字经济发展若干措施的通知》（临政〔2024〕9号）转发给你们，请结合实际，认真贯彻落实。"),
        new(BlockKind.Right, "临江区人民政府办公室"),
        new(BlockKind.Right, "2024年4月2日"),
        new(BlockKind.PageBreak, ""),
        new(BlockKind.RedHeader, "临江市人民政府文件"),
        new(BlockKind.DocNumber, "临政〔2024〕9号"),
        new(BlockKind.Title, "临江市人民政府"),
        new(BlockKind.Title, "关于加快推进数字经济发展若干措施的通知"),
        new(BlockKind.Addressee, "各县（市、区）人民政府，市人民政府各部门："),
        new(BlockKind.Body, "为加快推进数字经济发展，培育经济增长新动能，现提出如下措施，请认真抓好落实。"),
        .. Measures(["一、夯实数字基础设施", "二、推动产业数字化转型"], 6, centredSections: false),
        new(BlockKind.Right, "临江市人民政府"),
        new(BlockKind.Right, "2024年3月28日"),
    ]);

    public static LayoutExpectation ForwardingNoticeExpected { get; } = new(
    [
        ("临区政办〔2024〕5号", "临江区人民政府办公室关于转发《临江市人民政府关于加快推进数字经济发展若干措施的通知》的通知", "2024-04-02"),
        ("临政〔2024〕9号", "临江市人民政府关于加快推进数字经济发展若干措施的通知", "2024-03-28"),
    ], 12);

    public static LayoutDocument TaskTable { get; } = new("任务分解表", PageSetup.A5, ParagraphStyle.Plain, RunningHead: null, PageNumbers: true,
    [
        new(BlockKind.CentredHeading, "附件"),
        new(BlockKind.Title, "2024年重点工作任务分解表"),
        new(BlockKind.Table, "", [
            ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
            .. Enumerable.Range(1, 22).Select(n => new[]
            {
                n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Tasks[(n * 5) % Tasks.Length] + "。",
                Units[n % Units.Length],
                UnitList(n + 3, 1 + (n % 3)),
                $"2024年{1 + (n % 12)}月底",
            }),
        ]),
    ], BodySize: 12);

    public static LayoutExpectation TaskTableExpected { get; } = new([], 22);

    public static LayoutDocument PlainMeasures { get; } = new("措施", PageSetup.Letter, ParagraphStyle.Plain, RunningHead: "临江市人民政府公报 2024年第3期", PageNumbers: true,
    [
        new(BlockKind.DocNumber, "临政办〔2024〕21号"),
        new(BlockKind.Title, "临江市人民政府办公室关于印发临江市稳就业促增收若干措施的通知"),
        new(BlockKind.Addressee, "各县（市、区）人民政府，市人民政府各部门："),
        new(BlockKind.Body, "《临江市稳就业促增收若干措施》已经市政府同意，现印发给你们，请认真组织实施。"),
        new(BlockKind.Right, "临江市人民政府办公室"),
        new(BlockKind.Right, "2024年5月6日"),
        new(BlockKind.CentredHeading, "临江市稳就业促增收若干措施"),
        .. Measures(["一、稳定和扩大就业岗位", "二、支持重点群体就业", "三、促进城乡居民增收", "四、强化就业服务保障"], 5, centredSections: true),
    ], BodySize: 14);

    public static LayoutExpectation PlainMeasuresExpected { get; } = new(
        [("临政办〔2024〕21号", "临江市人民政府办公室关于印发临江市稳就业促增收若干措施的通知", "2024-05-06")], 20);

    public static IReadOnlyList<string> Names { get; } = ["红头通知", "转发通知", "任务分解表", "措施"];

    public static (LayoutDocument Document, LayoutExpectation Expected) Get(string name) => name switch
    {
        "红头通知" => (RedHeaderNotice, RedHeaderNoticeExpected),
        "转发通知" => (ForwardingNotice, ForwardingNoticeExpected),
        "任务分解表" => (TaskTable, TaskTableExpected),
        "措施" => (PlainMeasures, PlainMeasuresExpected),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such layout document"),
    };
}
